// Where the GoodJob schema and the demo rows live: one place for the embedded database, the e2e server,
// db:scale and the database tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordedSqlAt } from './time-shift.mjs';

/** The seed pages' batches (2025-07-03, all finished: shown as recorded, their Inspect JSON byte-exact). */
export const SEED_PAGES_SQL = 'lib/db/seed/demo-seeds.sql';
/** GoodJob's own recorded database as INSERTs (recorded 2026-11-22; loaded time-shifted to now). */
export const RECORDED_SQL = 'lib/db/seed/goodjob-real-inserts.sql';
export const DEMO_SEED_FILES = [SEED_PAGES_SQL, RECORDED_SQL];

/** GoodJob v4's schema as one SQL script (the drizzle migration without its statement breakpoints). */
export function goodJobSchemaSql(root = process.cwd()) {
  return readFileSync(join(root, 'drizzle/0000_goodjob_v4_schema.sql'), 'utf8').replaceAll('--> statement-breakpoint', '');
}

/** The demo rows: the seed batches as recorded, then GoodJob's own fixture data as if recorded at `now`. */
export function demoSeedSql(root = process.cwd(), now = new Date()) {
  return [readFileSync(join(root, SEED_PAGES_SQL), 'utf8'), recordedSqlAt(readFileSync(join(root, RECORDED_SQL), 'utf8'), now)];
}

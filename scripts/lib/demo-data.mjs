// Where the GoodJob schema and the demo rows live: one place for the embedded database, the e2e server,
// db:scale and the database tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_SEED_FILES = ['lib/db/seed/demo-seeds.sql', 'lib/db/seed/goodjob-real-inserts.sql'];

/** GoodJob v4's schema as one SQL script (the drizzle migration without its statement breakpoints). */
export function goodJobSchemaSql(root = process.cwd()) {
  return readFileSync(join(root, 'drizzle/0000_goodjob_v4_schema.sql'), 'utf8').replaceAll('--> statement-breakpoint', '');
}

/** The demo rows: the seed batches, then GoodJob's own fixture data. */
export function demoSeedSql(root = process.cwd()) {
  return DEMO_SEED_FILES.map((file) => readFileSync(join(root, file), 'utf8'));
}

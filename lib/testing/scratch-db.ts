// Scratch databases on the real PostgreSQL for database tests: GoodJob's schema (current or an older v4), loaded data,
// dropped afterwards. TEST_DATABASE_URL names the server (default: the local one).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { goodJobSchemaSql } from '../db/seed/demo-data.mjs';
import { recordedSqlAt } from '../db/seed/time-shift.mjs';

pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => value);

export const ROOT = join(__dirname, '../..');
export const serverUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** What an early GoodJob v4 install lacks (fixtures README): before v4.15 (`lock_type`) and before v4.3 (`jobs_finished_at`). */
const BEFORE_V4_15 = [
  'ALTER TABLE good_jobs DROP COLUMN lock_type',
  'ALTER TABLE good_job_processes DROP COLUMN lock_type',
  'DROP INDEX index_good_jobs_for_candidate_dequeue_unlocked',
  'DROP INDEX index_good_jobs_on_priority_scheduled_at_unfinished',
  'DROP INDEX index_good_jobs_on_queue_name_priority_scheduled_at_unfinished',
  'DROP INDEX index_good_jobs_on_queue_name',
  'DROP INDEX index_good_jobs_on_created_at',
  'DROP INDEX index_good_jobs_on_discarded',
  'DROP INDEX index_good_jobs_on_scheduled_at_and_queue_name',
  'DROP INDEX index_good_jobs_on_unfinished_or_errored',
];
const BEFORE_V4_3 = [...BEFORE_V4_15, 'ALTER TABLE good_job_batches DROP COLUMN jobs_finished_at', 'DROP INDEX index_good_jobs_on_job_class', 'DROP INDEX index_good_jobs_on_concurrency_key_and_created_at'];

export type SchemaVersion = 'current' | 'before-v4.15' | 'before-v4.3';

export interface ScratchDb {
  name: string;
  url: string;
  pool: pg.Pool;
  db: Db;
  exec(sql: string): Promise<void>;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance database (CREATE / DROP / ALTER DATABASE …). */
export async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}


/**
 * A new empty database. `schema` creates GoodJob's tables through our migration (and strips what older v4 lacked);
 * `dump` loads a full pg_dump with psql instead (GoodJob's own schema and data), its times moved so that the
 * recording moment is `now` (default: the present; lib/db/seed/time-shift.mjs).
 */
export async function createScratchDb(opts: { schema?: SchemaVersion; dump?: string; sqlFiles?: string[]; now?: Date } = {}): Promise<ScratchDb> {
  const name = `gjd_test_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl(), name);
  if (opts.dump) {
    const sql = recordedSqlAt(readFileSync(opts.dump, 'utf8'), opts.now ?? new Date());
    execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', '-'], { input: sql, stdio: ['pipe', 'ignore', 'pipe'] });
  }
  const pool = new pg.Pool({ connectionString: url, max: 30 });
  pool.on('error', () => undefined);
  const exec = async (sql: string) => {
    await pool.query(sql);
  };
  if (!opts.dump) {
    await exec(goodJobSchemaSql(ROOT));
    const strip = opts.schema === 'before-v4.15' ? BEFORE_V4_15 : opts.schema === 'before-v4.3' ? BEFORE_V4_3 : [];
    for (const statement of strip) await exec(statement);
  }
  for (const file of opts.sqlFiles ?? []) await exec(readFileSync(join(ROOT, file), 'utf8'));
  return {
    name,
    url,
    pool,
    db: drizzle(pool, { schema }) as Db,
    exec,
    async drop() {
      // A test that cut the database's connections may leave a client the pool waits for: DROP … WITH (FORCE) ends
      // whatever is left, so the pool gets a few seconds, not forever.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([pool.end().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
      clearTimeout(timer);
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

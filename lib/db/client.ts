import 'server-only';
import { appendFileSync } from 'node:fs';
import type { Logger } from 'drizzle-orm/logger';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

// GoodJob stores UTC in `timestamp without time zone`: keep the text and parse it as UTC (lib/domain/time.ts),
// never as the server's local time (node-postgres' default).
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => value);

export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super('DATABASE_URL is not set: start the dashboard with `npm start` or set DATABASE_URL');
  }
}

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

let current: { url: string; db: Db } | null = null;

export function poolConfig(url: string): pg.PoolConfig {
  return {
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 2000),
    // One slow query must not pile up requests behind it.
    statement_timeout: Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 5000),
    application_name: 'goodjob-dashboard',
  };
}

/**
 * For `npm run bench` only: DASHBOARD_CAPTURE_SQL=<file> appends every query and its parameters as a JSON line, so
 * that the benchmark can EXPLAIN ANALYZE exactly what a page ran (its "SQL floor"). Off unless that variable is set.
 */
function sqlCaptureLogger(): Logger | undefined {
  const file = process.env.DASHBOARD_CAPTURE_SQL;
  if (!file) return undefined;
  return { logQuery: (query, params) => appendFileSync(file, `${JSON.stringify({ query, params })}\n`) };
}

/** The one pool of the process, made on first use from DATABASE_URL. */
export function getDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new DatabaseNotConfiguredError();
  if (current?.url !== url) {
    const pool = new pg.Pool(poolConfig(url));
    // A client that loses its server (restart, pg_terminate_backend) must not crash the process: idle in the pool, or
    // checked out between two statements of a transaction (its next statement then fails, and the pool drops it).
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    current = { url, db: drizzle(pool, { schema, logger: sqlCaptureLogger() }) as Db };
  }
  return current.db;
}

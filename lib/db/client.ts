import 'server-only';
import { appendFileSync } from 'node:fs';
import type { Logger } from 'drizzle-orm/logger';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { timeQueries } from '../telemetry/query-timing';
import type { PoolLabel } from '../telemetry/dashboard-metrics';
import * as schema from './schema';
import { setting } from '../env';

// GoodJob stores UTC in `timestamp without time zone`: keep the text and parse it as UTC (lib/domain/time.ts),
// never as the server's local time (node-postgres' default).
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => value);

export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super('DATABASE_URL is not set: start the dashboard with `npm start` or set DATABASE_URL');
  }
}

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const pools = new Map<string, Db>();

export function poolConfig(url: string, applicationName = 'goodjob-dashboard'): pg.PoolConfig {
  return {
    connectionString: url,
    max: setting('DATABASE_POOL_SIZE'),
    connectionTimeoutMillis: setting('DATABASE_CONNECT_TIMEOUT_MS'),
    // One slow query must not pile up requests behind it.
    statement_timeout: setting('DATABASE_STATEMENT_TIMEOUT_MS'),
    application_name: applicationName,
  };
}

/**
 * For `npm run bench` only: DASHBOARD_CAPTURE_SQL=<file> appends every query and its parameters as a JSON line, so
 * that the benchmark can EXPLAIN ANALYZE exactly what a page ran (its "SQL floor"). Off unless that variable is set.
 */
function sqlCaptureLogger(): Logger | undefined {
  const file = setting('DASHBOARD_CAPTURE_SQL');
  if (!file) return undefined;
  return { logQuery: (query, params) => appendFileSync(file, `${JSON.stringify({ query, params })}\n`) };
}

/** One pool per database URL, made on first use; its statements timed under `label` (dashboard_query_duration_seconds). */
function poolFor(url: string, applicationName: string, label: PoolLabel): Db {
  let db = pools.get(url);
  if (!db) {
    const pool = new pg.Pool(poolConfig(url, applicationName));
    timeQueries(pool, label);
    // A client that loses its server (restart, pg_terminate_backend) must not crash the process: idle in the pool, or
    // checked out between two statements of a transaction (its next statement then fails, and the pool drops it).
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    db = drizzle(pool, { schema, logger: sqlCaptureLogger() }) as Db;
    pools.set(url, db);
  }
  return db;
}

/** The primary (DATABASE_URL): every action, and every read when there is no replica. Pages read through lib/db/read.ts. */
export function getDb(): Db {
  const url = setting('DATABASE_URL');
  if (!url) throw new DatabaseNotConfiguredError();
  return poolFor(url, 'goodjob-dashboard', 'primary');
}

/** The read replica (DATABASE_REPLICA_URL), when one is configured. */
export function getReplicaDb(): Db | null {
  const url = setting('DATABASE_REPLICA_URL');
  return url ? poolFor(url, 'goodjob-dashboard-replica', 'replica') : null;
}

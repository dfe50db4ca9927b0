// Is a database reachable right now? Asked by the proxy before it renders a page and by each page's choice of the
// database it reads (lib/db/read.ts), at most once a second per database (concurrent requests share one probe), so
// that an outage is answered with a real HTTP 503 and a replica that stops answering is noticed at once.
import pg from 'pg';
import type { ReplicaHealth } from '../domain/read-source';
import { sharedRead } from '../cache/shared-read';
import { setting } from '../env';
import { isDatabaseBusy, isDatabaseUnavailable } from './errors';

const PROBE_INTERVAL_MS = 1000;
const probePools = new Map<string, pg.Pool>();

function probePool(url: string): pg.Pool {
  let pool = probePools.get(url);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url,
      max: 1,
      connectionTimeoutMillis: setting('DATABASE_CONNECT_TIMEOUT_MS'),
      statement_timeout: 2000,
      application_name: 'goodjob-dashboard-health',
    });
    pool.on('error', () => undefined);
    probePools.set(url, pool);
  }
  return pool;
}

function reachable(url: string): Promise<boolean> {
  return sharedRead(`reachable ${url}`, PROBE_INTERVAL_MS, async () => {
    try {
      await probePool(url).query('SELECT 1');
      return true;
    } catch (error) {
      // Only a database that cannot be reached is down; a probe that timed out on a busy server (or a busy event loop)
      // lets the page try, and the page answers "busy" if the database really does not answer in time.
      return !isDatabaseUnavailable(error) && isDatabaseBusy(error);
    }
  });
}

/** Whether the primary (DATABASE_URL) answers. */
export function primaryReachable(): Promise<boolean> {
  const url = setting('DATABASE_URL');
  return url ? reachable(url) : Promise.resolve(false);
}

/**
 * The replica's replay position and lag (null: no DATABASE_REPLICA_URL). The lag is 0 while it has replayed all it
 * received (an idle primary is not lag), else the age of the last transaction it replayed. A server that is not in
 * recovery (a replica promoted, or the primary named twice) reports its own current position.
 */
export function replicaHealth(): Promise<ReplicaHealth | null> {
  const url = setting('DATABASE_REPLICA_URL');
  if (!url) return Promise.resolve(null);
  return sharedRead(`replica ${url}`, PROBE_INTERVAL_MS, async (): Promise<ReplicaHealth> => {
    try {
      const { rows } = await probePool(url).query<{ lsn: string; lag: number | null }>(`
        SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END::text AS lsn,
               CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0
                    ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag`);
      const row = rows[0];
      return row?.lsn ? { ok: true, replayLsn: row.lsn, lagSeconds: Math.max(0, row.lag ?? 0) } : { ok: false };
    } catch {
      return { ok: false };
    }
  });
}

/** What the proxy asks before a page: can the database pages read from answer (the replica, or the primary behind it)? */
export async function databaseReachable(): Promise<boolean> {
  const replica = await replicaHealth();
  if (replica?.ok) return true;
  return primaryReachable();
}

const GOOD_JOB_TABLES = ['good_jobs', 'good_job_batches', 'good_job_executions', 'good_job_processes', 'good_job_settings'];

async function holdsGoodJob(url: string): Promise<boolean> {
  try {
    const { rows } = await probePool(url).query<{ ready: boolean }>(
      'SELECT bool_and(to_regclass(t) IS NOT NULL) AS ready FROM unnest($1::text[]) AS t',
      [GOOD_JOB_TABLES],
    );
    return rows[0]?.ready === true;
  } catch {
    return false;
  }
}

/**
 * For /readyz: the database pages read from answers (within the probe's timeouts) and holds GoodJob's tables — the
 * replica, or the primary when the replica does not answer (pages then read from it). Asked afresh each time.
 */
export async function databaseReady(): Promise<boolean> {
  const replicaUrl = setting('DATABASE_REPLICA_URL');
  if (replicaUrl && (await holdsGoodJob(replicaUrl))) return true;
  const url = setting('DATABASE_URL');
  return url ? holdsGoodJob(url) : false;
}

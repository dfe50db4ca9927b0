// Is the database reachable right now? Asked by the proxy before it renders a page, at most once a second
// (concurrent requests share one probe), so that an outage is answered with a real HTTP 503.
import pg from 'pg';
import { isDatabaseBusy, isDatabaseUnavailable } from './errors';

const PROBE_INTERVAL_MS = 1000;
let pool: { url: string; pool: pg.Pool } | null = null;
let last: { at: number; ok: boolean } | null = null;
let running: Promise<boolean> | null = null;

function probePool(url: string): pg.Pool {
  if (pool?.url !== url) {
    void pool?.pool.end().catch(() => undefined);
    const p = new pg.Pool({
      connectionString: url,
      max: 1,
      connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 2000),
      statement_timeout: 2000,
      application_name: 'goodjob-dashboard-health',
    });
    p.on('error', () => undefined);
    pool = { url, pool: p };
  }
  return pool.pool;
}

async function probe(url: string): Promise<boolean> {
  try {
    await probePool(url).query('SELECT 1');
    return true;
  } catch (error) {
    // Only a database that cannot be reached is down; a probe that timed out on a busy server (or a busy event loop)
    // lets the page try, and the page answers "busy" if the database really does not answer in time.
    return !isDatabaseUnavailable(error) && isDatabaseBusy(error);
  }
}

export async function databaseReachable(): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return false;
  if (last && Date.now() - last.at < PROBE_INTERVAL_MS) return last.ok;
  running ??= probe(url)
    .then((ok) => {
      last = { at: Date.now(), ok };
      return ok;
    })
    .finally(() => {
      running = null;
    });
  return running;
}

const GOOD_JOB_TABLES = ['good_jobs', 'good_job_batches', 'good_job_executions', 'good_job_processes', 'good_job_settings'];

/** For /readyz: the database answers (within the probe's timeouts) and holds GoodJob's tables. Asked afresh each time. */
export async function databaseReady(): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return false;
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

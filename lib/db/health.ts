// Is the database reachable right now? Asked by the proxy before it renders a page, at most once a second
// (concurrent requests share one probe), so that an outage is answered with a real HTTP 503.
import pg from 'pg';

const PROBE_INTERVAL_MS = 1000;
let pool: { url: string; pool: pg.Pool } | null = null;
let last: { at: number; ok: boolean } | null = null;
let running: Promise<boolean> | null = null;

async function probe(url: string): Promise<boolean> {
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
  try {
    await pool.pool.query('SELECT 1');
    return true;
  } catch {
    return false;
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

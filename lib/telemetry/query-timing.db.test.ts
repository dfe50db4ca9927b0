// Every statement a timed pool runs lands once in dashboard_query_duration_seconds: promises, callbacks, pool.query,
// transactions on a checked-out client, drizzle, failures — and a failed statement's rejection stays the caller's.
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Histogram } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../testing/scratch-db';
import { registerDashboardMetrics } from './dashboard-metrics';
import { timeQueries } from './query-timing';
import { metricsRegistry } from './registry';

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: serverUrl(), max: 2 });
  timeQueries(pool, 'replica');
});
afterAll(async () => {
  await pool.end();
});

async function observed(label: 'primary' | 'replica'): Promise<{ count: number; sum: number }> {
  registerDashboardMetrics();
  const histogram = metricsRegistry().getSingleMetric('dashboard_query_duration_seconds') as Histogram<'pool'>;
  const { values } = await histogram.get();
  const of = (name: string) => values.find((v) => v.metricName === name && v.labels.pool === label)?.value ?? 0;
  return { count: of('dashboard_query_duration_seconds_count'), sum: of('dashboard_query_duration_seconds_sum') };
}

describe('timeQueries', () => {
  it('times each statement once, whatever way it was sent, under its pool label only', async () => {
    const before = await observed('replica');
    const primaryBefore = await observed('primary');
    await pool.query('SELECT 1');
    await new Promise<void>((resolve, reject) => pool.query('SELECT 2', (error) => (error ? reject(error) : resolve())));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_sleep(0.05)');
      await client.query({ text: 'SELECT $1::int AS n', values: [3] });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await expect(pool.query('SELECT no_such_column')).rejects.toThrow(/no_such_column/);
    await drizzle(pool).execute(sql`SELECT 4`);
    const after = await observed('replica');
    expect(after.count - before.count).toBe(8);
    expect(after.sum - before.sum).toBeGreaterThanOrEqual(0.05);
    expect(await observed('primary')).toEqual(primaryBefore);
  });
});

import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_STATES, batchState } from '../domain/batch-state';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { batchJobTotals, listBatches } from './batches';
import { boundedCount } from './bounded-count';

describe("the batches list on GoodJob's own database", () => {
  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });

  it('filters by state with the same rule as the badge (batchState)', async () => {
    const all = await listBatches(s.db);
    expect(all.rows).toHaveLength(6);
    for (const state of BATCH_STATES) {
      const filtered = await listBatches(s.db, { state });
      expect(filtered.rows.map((b) => b.id).sort(), state).toEqual(all.rows.filter((b) => batchState(b) === state).map((b) => b.id).sort());
    }
    expect((await listBatches(s.db, { state: 'discarded' })).rows.length).toBeGreaterThan(0);
  });

  it('searches descriptions (case-insensitive, wildcards taken literally) and id prefixes', async () => {
    expect((await listBatches(s.db, { search: 'example BATCH' })).rows).toHaveLength(3);
    expect((await listBatches(s.db, { search: '%' })).rows).toHaveLength(0);
    expect((await listBatches(s.db, { search: '763b0473' })).rows.map((b) => b.id)).toEqual(['763b0473-5c02-4228-b2ee-f7ea084bdfaf']);
    expect((await listBatches(s.db, { search: '763B0473-5C02-4228-B2EE-F7EA084BDFAF' })).rows).toHaveLength(1);
  });

  it('totals the jobs of each batch through the batch_id index', async () => {
    const totals = await batchJobTotals(s.db, ['763b0473-5c02-4228-b2ee-f7ea084bdfaf']);
    expect(totals.get('763b0473-5c02-4228-b2ee-f7ea084bdfaf')).toEqual({ total: 3, finished: 3, discarded: 2, capped: false });
  });

  it('counts exactly up to the limit, then gives the planner estimate, marked', async () => {
    expect(await boundedCount(s.db, sql`FROM good_jobs`, 100)).toEqual({ value: 38, estimated: false });
    const capped = await boundedCount(s.db, sql`FROM good_jobs`, 10);
    expect(capped.estimated).toBe(true);
    expect(capped.value).toBeGreaterThan(10);
  });

  it('reuses the planner’s answers, but an exact count always sees the rows as they are now', async () => {
    const queue = sql`FROM good_jobs WHERE queue_name = 'count-freshness'`;
    expect(await boundedCount(s.db, queue, 100)).toEqual({ value: 0, estimated: false });
    await s.exec(`INSERT INTO good_jobs (id, queue_name, serialized_params, created_at, updated_at)
      SELECT gen_random_uuid(), 'count-freshness', '{}', now(), now() FROM generate_series(1, 3)`);
    expect(await boundedCount(s.db, queue, 100)).toEqual({ value: 3, estimated: false });
    await s.exec(`DELETE FROM good_jobs WHERE queue_name = 'count-freshness'`);
    expect(await boundedCount(s.db, queue, 100)).toEqual({ value: 0, estimated: false });
  });
});

describe('a huge batch', () => {
  let s: ScratchDb;
  beforeAll(async () => {
    s = await createScratchDb({ schema: 'current' });
    await s.exec(`INSERT INTO good_job_batches (id, created_at, updated_at, enqueued_at) VALUES ('00000000-0000-4000-8000-00000000b16b', now(), now(), now())`);
    await s.exec(`INSERT INTO good_jobs (id, queue_name, serialized_params, created_at, updated_at, scheduled_at, finished_at, error, batch_id)
      SELECT gen_random_uuid(), 'big', '{}', now(), now(), now(), now(), CASE WHEN i % 4 = 0 THEN 'E: x' END, '00000000-0000-4000-8000-00000000b16b'
      FROM generate_series(1, 12000) AS i`);
    await s.exec('ANALYZE good_jobs');
  });
  afterAll(() => s?.drop());

  it('is counted from a bounded sample, scaled and marked as an estimate', async () => {
    const { countBatchJobs } = await import('./batches');
    const { counts, estimated } = await countBatchJobs(s.db, '00000000-0000-4000-8000-00000000b16b', new Date());
    expect(estimated).toBe(true);
    expect(counts.succeeded + counts.discarded).toBeGreaterThan(10_000);
    expect(counts.discarded / (counts.succeeded + counts.discarded)).toBeCloseTo(0.25, 1);
    const totals = await batchJobTotals(s.db, ['00000000-0000-4000-8000-00000000b16b']);
    expect(totals.get('00000000-0000-4000-8000-00000000b16b')).toMatchObject({ total: 10_001, capped: true });
  });
});

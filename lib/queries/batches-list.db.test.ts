import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_STATES, batchState } from '../domain/batch-state';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { batchJobTotals, listBatches } from './batches';
import { boundedCount } from './bounded-count';

describe("the batches list on GoodJob's own database", () => {
  let s: ScratchDb;
  beforeAll(async () => {
    s = await createScratchDb({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });
  });
  afterAll(() => s?.drop());

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
    expect(totals.get('763b0473-5c02-4228-b2ee-f7ea084bdfaf')).toEqual({ total: 3, finished: 3, discarded: 2 });
  });

  it('counts exactly up to the limit, then gives the planner estimate, marked', async () => {
    expect(await boundedCount(s.db, sql`FROM good_jobs`, 100)).toEqual({ value: 38, estimated: false });
    const capped = await boundedCount(s.db, sql`FROM good_jobs`, 10);
    expect(capped.estimated).toBe(true);
    expect(capped.value).toBeGreaterThan(10);
  });
});

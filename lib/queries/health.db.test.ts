import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDb, type ScratchDb } from '../testing/scratch-db';
import { indexAdvice } from './health';

describe('index advice', () => {
  let old: ScratchDb;
  let current: ScratchDb;
  beforeAll(async () => {
    [old, current] = await Promise.all([createScratchDb({ schema: 'before-v4.3' }), createScratchDb({ schema: 'current' })]);
  });
  afterAll(async () => {
    await Promise.all([old?.drop(), current?.drop()]);
  });

  it('names the indexes an early GoodJob v4 install lacks, and creates none', async () => {
    const missing = await indexAdvice(old.db);
    expect(missing.map((m) => m.name).sort()).toEqual(['index_good_jobs_on_created_at', 'index_good_jobs_on_discarded', 'index_good_jobs_on_job_class', 'index_good_jobs_on_queue_name']);
    const { rows } = await old.pool.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'index_good_jobs_on_job_class'`);
    expect(rows[0].n).toBe(0);
  });

  it('has nothing to say about a current GoodJob schema with few batches', async () => {
    expect(await indexAdvice(current.db)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { missingIndexes, RELIED_ON_INDEXES } from './indexes';

describe('missingIndexes', () => {
  it('names what a database lacks, with a CREATE INDEX CONCURRENTLY for each', () => {
    const present = new Set(RELIED_ON_INDEXES.map((i) => i.name).filter((n) => n !== 'index_good_jobs_on_job_class'));
    const missing = missingIndexes(present);
    expect(missing.map((m) => m.name)).toEqual(['index_good_jobs_on_job_class']);
    expect(missing[0]!.create).toMatch(/^CREATE INDEX CONCURRENTLY index_good_jobs_on_job_class ON good_jobs/);
  });
  it('suggests the indexes GoodJob does not create', () => {
    expect(missingIndexes(new Set()).filter((m) => m.suggestion).map((m) => m.name)).toEqual(['index_good_job_batches_on_created_at_and_id', 'index_good_jobs_on_batch_id_and_created_at', 'index_good_job_executions_on_created_at']);
  });
});

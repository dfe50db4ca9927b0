import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { batchErrorSummary } from './batch-errors';

describe("the batch error summary on GoodJob's own database (goodjob-real.sql)", () => {
  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });

  it('groups every batch’s failed executions by class exactly as SQL written independently does', async () => {
    const { rows: batches } = await s.pool.query<{ id: string }>('SELECT id FROM good_job_batches');
    for (const { id } of batches) {
      const ours = await batchErrorSummary(s.db, id);
      const { rows } = await s.pool.query(
        `SELECT substring(e.error from '^(.*?)(: |$)') AS error_class, count(*)::int AS count
         FROM good_job_executions e WHERE e.error IS NOT NULL AND e.active_job_id IN (SELECT active_job_id FROM good_jobs WHERE batch_id = $1)
         GROUP BY 1 ORDER BY 2 DESC, 1`,
        [id],
      );
      expect(ours.groups.map((g) => ({ error_class: g.error_class, count: g.count })), id).toEqual(rows);
      expect(ours.sampled).toBe(false);
    }
    const dead = await batchErrorSummary(s.db, '763b0473-5c02-4228-b2ee-f7ea084bdfaf');
    expect(dead.groups[0]).toMatchObject({ error_class: 'ExampleJob::DeadError', count: 6 });
    expect(dead.groups[0]!.sample.startsWith('ExampleJob::DeadError')).toBe(true);
    expect(dead.groups[0]!.first_seen <= dead.groups[0]!.last_seen).toBe(true);
  });

  it('reads a bounded sample of a big batch and says so', async () => {
    const summary = await batchErrorSummary(s.db, '763b0473-5c02-4228-b2ee-f7ea084bdfaf', 1);
    expect(summary.sampled).toBe(true);
    expect(summary.groups.reduce((n, g) => n + g.count, 0)).toBeLessThan(7);
  });
});

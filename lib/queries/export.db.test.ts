import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvHeader, csvLine, ndjsonLine, type ExportJob } from '../domain/export';
import { EMPTY_JOB_FILTER } from '../domain/job-filter';
import { ROOT } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { EXPORT_PAGE, exportJobs, type ExportScope } from './export';

describe("export on GoodJob's own database (goodjob-real.sql)", () => {
  const now = new Date();
  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });

  const all = async (scope: ExportScope, format: 'csv' | 'ndjson' = 'csv') => {
    const rows: ExportJob[] = [];
    for await (const page of exportJobs(s.db, scope, format, now)) {
      expect(page.length).toBeLessThanOrEqual(EXPORT_PAGE);
      rows.push(...page);
    }
    return rows;
  };

  it('a batch: every batched job once, oldest first, across pages', async () => {
    const batchId = '00000000-0000-4000-8000-0000000e4907';
    await s.pool.query(`INSERT INTO good_job_batches (id, created_at, updated_at, enqueued_at) VALUES ($1, now(), now(), now())`, [batchId]);
    const count = EXPORT_PAGE * 2 + 17;
    // Half of them share one created_at: the keyset's id tie-break must neither skip nor repeat them.
    await s.pool.query(
      `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, batch_id, job_class)
       SELECT id, id, 'q', 0, jsonb_build_object('job_id', id), t, t, t, $1, 'ExportJob'
       FROM (SELECT gen_random_uuid() AS id, CASE WHEN i % 2 = 0 THEN timestamp '2026-01-01' ELSE timestamp '2026-01-01' + i * interval '1 ms' END AS t
             FROM generate_series(1, $2::int) AS i) AS g`,
      [batchId, count],
    );
    const rows = await all({ batchId });
    const { rows: expected } = await s.pool.query(`SELECT id FROM good_jobs WHERE batch_id = $1 ORDER BY created_at, id`, [batchId]);
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(rows).toHaveLength(count);
  });

  it('a filter: exactly the jobs the jobs list’s filter matches, no cap', async () => {
    const filter = { ...EMPTY_JOB_FILTER, state: 'discarded' as const };
    const rows = await all({ filter });
    const { rows: expected } = await s.pool.query(`SELECT id FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NOT NULL ORDER BY created_at, id`);
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('writes GoodJob’s discarded job as CSV and NDJSON lines that read back', async () => {
    const [job] = (await all({ filter: { ...EMPTY_JOB_FILTER, search: 'd2a4ff36-3886-44d7-ad8e-8ef7e77ca4ba' } }, 'ndjson')).filter((r) => r.id === 'd2a4ff36-3886-44d7-ad8e-8ef7e77ca4ba');
    expect(job).toBeDefined();
    const line = JSON.parse(ndjsonLine(job!, now));
    const { rows } = await s.pool.query(`SELECT serialized_params, executions_count, error FROM good_jobs WHERE id = $1`, [job!.id]);
    expect(line).toMatchObject({ id: job!.id, state: 'discarded', attempts: rows[0].executions_count, error: rows[0].error });
    expect(line.serialized_params).toEqual(rows[0].serialized_params);
    const csv = csvHeader() + csvLine(job!, now);
    expect(csv.split('\r\n')[1]).toContain(`${job!.id},ExampleJob,`);
    expect(csv).toContain(',discarded,');
  });
});

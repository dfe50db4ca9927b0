import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJobFilter } from '../domain/job-filter';
import { parseDbTime } from '../domain/time';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { batchTimeline, TIMELINE_DETAIL_JOBS } from './batch-timeline';
import type { TimelineBatch } from '../read-models/batch-timeline';
import { countJobsByState } from './jobs';

const batchRow = async (s: ScratchDb, id: string) =>
  (await s.pool.query<TimelineBatch>('SELECT id, created_at, enqueued_at, finished_at, discarded_at, jobs_finished_at FROM good_job_batches WHERE id = $1', [id])).rows[0]!;

describe("the batch timeline on GoodJob's own database (goodjob-real.sql)", () => {
  const now = new Date();
  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql'), now });

  it('draws every job of each batch (batched, then callbacks) with its executions, as SQL written independently finds them', async () => {
    const { rows: batches } = await s.pool.query<{ id: string }>('SELECT id FROM good_job_batches');
    expect(batches.length).toBeGreaterThan(0);
    for (const { id } of batches) {
      const timeline = await batchTimeline(s.db, await batchRow(s, id), now);
      expect(timeline.mode, id).toBe('detail');
      if (timeline.mode !== 'detail') continue;
      const { rows: expected } = await s.pool.query(
        `SELECT j.id, CASE WHEN j.batch_id = $1 THEN 'batched' ELSE 'callback' END AS kind,
                count(e.id)::int AS executions, count(e.error)::int AS failed,
                (j.finished_at IS NOT NULL AND j.error IS NOT NULL) AS discarded
         FROM good_jobs j LEFT JOIN good_job_executions e ON e.active_job_id = j.active_job_id
         WHERE j.batch_id = $1 OR j.batch_callback_id = $1
         GROUP BY j.id ORDER BY j.batch_id IS NOT DISTINCT FROM $1 DESC, j.created_at, j.id`,
        [id],
      );
      expect(
        timeline.jobs.map((j) => ({ id: j.id, kind: j.kind, executions: j.executions.length, failed: j.executions.filter((e) => e.failed).length, discarded: j.discarded })),
        id,
      ).toEqual(expected);
      // Executions in the order they ran, and the span covers every point drawn.
      for (const job of timeline.jobs) {
        const starts = job.executions.map((e) => parseDbTime(e.created_at)!.getTime());
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        for (const t of [...starts, parseDbTime(job.created_at)!.getTime()]) {
          expect(t).toBeGreaterThanOrEqual(timeline.span.from.getTime());
          expect(t).toBeLessThanOrEqual(timeline.span.to.getTime());
        }
      }
    }
  });
});

describe('the density timeline of a batch too big to draw job by job', () => {
  let s: ScratchDb;
  const batchId = '5b0d9f0e-4a59-4c2b-9a55-3c1f7d0a9e11';
  const now = new Date('2026-12-02T12:00:00Z');
  beforeAll(async () => {
    s = await createScratchDb();
    await s.exec(`INSERT INTO good_job_batches (id, created_at, updated_at, enqueued_at) VALUES ('${batchId}', '2026-12-02 10:00:00', '2026-12-02 10:00:00', '2026-12-02 10:00:01')`);
    // 500 jobs performed over 100 minutes (one every 12 s); every 4th finished, every 10th of those with an error; 20 never ran.
    await s.exec(`
      INSERT INTO good_jobs (id, active_job_id, batch_id, queue_name, priority, job_class, serialized_params, created_at, updated_at, scheduled_at, performed_at, finished_at, error, executions_count)
      SELECT gen_random_uuid(), gen_random_uuid(), '${batchId}', 'default', 0, 'BigJob', '{}'::jsonb, '2026-12-02 10:00:00', '2026-12-02 10:00:00', '2026-12-02 10:00:00',
             CASE WHEN i <= 480 THEN timestamp '2026-12-02 10:00:05' + (i * interval '12 seconds') END,
             CASE WHEN i <= 480 AND i % 4 = 0 THEN timestamp '2026-12-02 10:00:09' + (i * interval '12 seconds') END,
             CASE WHEN i <= 480 AND i % 40 = 0 THEN 'BigJob::Boom: no' END, 1
      FROM generate_series(1, 500) AS i`);
  });
  afterAll(() => s?.drop());

  it('counts jobs started, succeeded and discarded per bucket as SQL over each bucket does, and each bucket’s link finds its started jobs', async () => {
    const timeline = await batchTimeline(s.db, await batchRow(s, batchId), now);
    expect(timeline.mode).toBe('density');
    if (timeline.mode !== 'density') return;
    expect(timeline.sampled).toBe(false);
    // Unfinished batch: from its creation to now, two hours in buckets of two minutes.
    expect(timeline.stepMs).toBe(120_000);
    expect(timeline.buckets).toHaveLength(60);
    const last = timeline.buckets.length - 1;
    for (const b of timeline.buckets) {
      const { rows } = await s.pool.query(
        `SELECT count(*) FILTER (WHERE performed_at >= $2 AND performed_at < $3)::int AS started,
                count(*) FILTER (WHERE finished_at >= $2 AND finished_at < $3 AND error IS NULL)::int AS succeeded,
                count(*) FILTER (WHERE finished_at >= $2 AND finished_at < $3 AND error IS NOT NULL)::int AS discarded
         FROM good_jobs WHERE batch_id = $1`,
        [batchId, b.start.toISOString().replace('Z', ''), b.end.toISOString().replace('Z', '')],
      );
      expect({ started: b.started, succeeded: b.succeeded, discarded: b.discarded }, `bucket ${b.index}`).toEqual(rows[0]);
      const filter = parseJobFilter({ batch_id: batchId, performed_after: b.index === 0 ? undefined : b.start.toISOString(), performed_before: b.index === last ? undefined : b.end.toISOString() });
      expect((await countJobsByState(s.db, filter, now)).all.value, `bucket ${b.index} link`).toBe(b.started);
    }
    expect(timeline.buckets.reduce((n, b) => n + b.started, 0)).toBe(480);
    expect(timeline.buckets.reduce((n, b) => n + b.discarded, 0)).toBe(12);
  });

  it('marks a timeline read from a sample', async () => {
    const timeline = await batchTimeline(s.db, await batchRow(s, batchId), now, 300);
    expect(timeline.mode === 'density' && timeline.sampled).toBe(true);
    expect(timeline.mode === 'density' && timeline.buckets.reduce((n, b) => n + b.started, 0)).toBeLessThanOrEqual(300);
  });

  it('draws job by job while the batch has at most TIMELINE_DETAIL_JOBS jobs', async () => {
    await s.exec(`DELETE FROM good_jobs WHERE batch_id = '${batchId}' AND id IN (SELECT id FROM good_jobs WHERE batch_id = '${batchId}' ORDER BY created_at, id LIMIT ${500 - TIMELINE_DETAIL_JOBS})`);
    const timeline = await batchTimeline(s.db, await batchRow(s, batchId), now);
    expect(timeline.mode === 'detail' && timeline.jobs.length).toBe(TIMELINE_DETAIL_JOBS);
  });
});

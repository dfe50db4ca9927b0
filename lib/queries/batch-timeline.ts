import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { parseDbTime, toDbTime } from '../domain/time';
import { bucketRanges, bucketStepMs, timelineSpan } from '../domain/timeline';
import { type Timeline, TIMELINE_DENSITY_SAMPLE, type TimelineBatch, type TimelineExecution, type TimelineJob } from '../read-models/batch-timeline';

/** Up to this many batched jobs the timeline draws each job and its executions; beyond, their density over time. */
export const TIMELINE_DETAIL_JOBS = 200;
const CALLBACK_JOBS = 20;
/** Executions drawn at most in the detailed view (a job retried thousands of times must not flood the page). */
const DETAIL_EXECUTIONS = 5_000;
const times = (batch: TimelineBatch) => ({ created_at: parseDbTime(batch.created_at)!, finished_at: parseDbTime(batch.finished_at) });

async function detail(db: Db, batch: TimelineBatch, now: Date): Promise<Timeline> {
  const { rows: jobs } = await db.execute<Omit<TimelineJob, 'executions'> & { active_job_id: string }>(sql`
    (SELECT id, active_job_id, job_class, 'batched' AS kind, created_at, scheduled_at, performed_at, finished_at,
            finished_at IS NOT NULL AND error IS NOT NULL AS discarded
     FROM good_jobs WHERE batch_id = ${batch.id} ORDER BY created_at, id LIMIT ${TIMELINE_DETAIL_JOBS})
    UNION ALL
    (SELECT id, active_job_id, job_class, 'callback', created_at, scheduled_at, performed_at, finished_at,
            finished_at IS NOT NULL AND error IS NOT NULL
     FROM good_jobs WHERE batch_callback_id = ${batch.id} ORDER BY created_at, id LIMIT ${CALLBACK_JOBS})`);
  const { rows: executions } = await db.execute<TimelineExecution & { active_job_id: string }>(sql`
    SELECT active_job_id, created_at, finished_at, error IS NOT NULL AS failed FROM good_job_executions
    WHERE active_job_id = ANY(${`{${jobs.map((j) => j.active_job_id).join(',')}}`}::uuid[])
    ORDER BY active_job_id, created_at LIMIT ${DETAIL_EXECUTIONS + 1}`);
  const byJob = new Map<string, TimelineExecution[]>();
  for (const e of executions.slice(0, DETAIL_EXECUTIONS)) {
    const list = byJob.get(e.active_job_id) ?? [];
    list.push({ created_at: e.created_at, finished_at: e.finished_at, failed: e.failed });
    byJob.set(e.active_job_id, list);
  }
  const drawn = jobs.map(({ active_job_id, ...job }) => ({ ...job, executions: byJob.get(active_job_id) ?? [] }));
  const points = drawn.flatMap((j) => [j.created_at, j.finished_at, ...j.executions.flatMap((e) => [e.created_at, e.finished_at])]).map(parseDbTime);
  const extra = [batch.enqueued_at, batch.jobs_finished_at ?? null, batch.discarded_at].map(parseDbTime);
  return { mode: 'detail', span: timelineSpan(times(batch), [...points, ...extra], now), jobs: drawn, executionsCapped: executions.length > DETAIL_EXECUTIONS };
}

async function density(db: Db, batch: TimelineBatch, now: Date, sample: number): Promise<Timeline> {
  const span = timelineSpan(times(batch), [], now);
  const stepMs = bucketStepMs(span.to.getTime() - span.from.getTime());
  const ranges = bucketRanges(span, stepMs);
  // Points outside the span (a job retried after its batch finished) count in the first or last bucket, whose links
  // are open-ended to match.
  const { rows } = await db.execute<{ bucket: number; started: number; succeeded: number; discarded: number; sampled: boolean }>(sql`
    WITH j AS MATERIALIZED (SELECT performed_at, finished_at, error IS NOT NULL AS failed FROM good_jobs WHERE batch_id = ${batch.id} LIMIT ${sample + 1})
    SELECT least(greatest(floor(extract(epoch FROM v.t - ${toDbTime(span.from)}::timestamp) * 1000 / ${stepMs}), 0), ${ranges.length - 1})::int AS bucket,
           count(*) FILTER (WHERE v.kind = 'started')::int AS started,
           count(*) FILTER (WHERE v.kind = 'succeeded')::int AS succeeded,
           count(*) FILTER (WHERE v.kind = 'discarded')::int AS discarded,
           (SELECT count(*) > ${sample} FROM j) AS sampled
    FROM (SELECT * FROM j LIMIT ${sample}) s
    CROSS JOIN LATERAL (VALUES (s.performed_at, 'started'), (s.finished_at, CASE WHEN s.failed THEN 'discarded' ELSE 'succeeded' END)) AS v(t, kind)
    WHERE v.t IS NOT NULL
    GROUP BY 1`);
  const counts = new Map(rows.map((r) => [r.bucket, r]));
  const buckets = ranges.map((r) => {
    const c = counts.get(r.index);
    return { ...r, started: c?.started ?? 0, succeeded: c?.succeeded ?? 0, discarded: c?.discarded ?? 0 };
  });
  return { mode: 'density', span, stepMs, buckets, sampled: rows[0]?.sampled ?? false };
}

/**
 * The batch's life on one time axis: each job and its executions for a small batch, jobs started / succeeded /
 * discarded per time bucket for a big one (from at most TIMELINE_DENSITY_SAMPLE of its jobs, ≈ beyond).
 */
export async function batchTimeline(db: Db, batch: TimelineBatch, now: Date, sample = TIMELINE_DENSITY_SAMPLE): Promise<Timeline> {
  const { rows } = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM good_jobs WHERE batch_id = ${batch.id} LIMIT ${TIMELINE_DETAIL_JOBS + 1}) j`);
  return (rows[0]?.n ?? 0) > TIMELINE_DETAIL_JOBS ? density(db, batch, now, sample) : detail(db, batch, now);
}

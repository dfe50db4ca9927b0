import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { THROUGHPUT_WINDOW_MS, throughputWindowMs, type ThroughputInputs } from '../domain/batch-eta';
import { parseDbTime, toDbTime } from '../domain/time';
import { type BatchDurations, DURATIONS_SAMPLE, REMAINING_COUNT_LIMIT, type Spread } from '../read-models/batch-durations';

/** Executions read at most over the sample (jobs retried without end must not make the read unbounded). */
export const DURATIONS_EXECUTIONS_LIMIT = 20 * DURATIONS_SAMPLE;
type SampleRow = { jobs: number; executions: number; sampled: boolean } & Record<`${'runtime' | 'wait'}_${'p50' | 'p95' | 'max'}`, number | null>;

const spread = (row: SampleRow, kind: 'runtime' | 'wait'): Spread | null =>
  row[`${kind}_max`] === null ? null : { p50: row[`${kind}_p50`]!, p95: row[`${kind}_p95`]!, max: row[`${kind}_max`]! };

/**
 * Runtime and time in queue of a batch's executions, as GoodJob's Execution#runtime_latency and #queue_latency
 * (app/models/good_job/execution.rb, v4.19.2): the execution's `duration`, and `created_at − scheduled_at` (an
 * execution's created_at is its performed_at). Over at most `sample` jobs (good_job_executions has no batch_id: one
 * probe per job, through the batch_id and (active_job_id, created_at) indexes). The batch id enters through a
 * lateral join so the sample is always read through the index (see countBatchJobs).
 *   runtime: finished executions; `duration`, or finished_at − created_at in rows written before GoodJob had the
 *     column; interrupted ones (error_event 0) are left out: GoodJob writes them the next attempt's near-zero
 *     duration, and their finished_at is when the next attempt started, not when they stopped.
 *   wait: started executions with a scheduled_at (GoodJob writes the job's scheduled_at, else its created_at); one
 *     that started "before" it was due (the worker's clock behind the enqueuing host's) counts as 0.
 * Past DURATIONS_EXECUTIONS_LIMIT executions the read stops (the spreads then include one more, and are marked ≈).
 */
async function sampleSpreads(db: Db, batchId: string, sample: number): Promise<SampleRow> {
  const { rows } = await db.execute<SampleRow>(sql`
    WITH jobs AS MATERIALIZED (
           SELECT g.active_job_id FROM unnest(ARRAY[${batchId}]::uuid[]) AS b(id)
           CROSS JOIN LATERAL (SELECT active_job_id FROM good_jobs WHERE batch_id = b.id LIMIT ${sample + 1}) AS g),
         found AS (SELECT count(*) AS n FROM jobs),
         e AS (
           SELECT CASE WHEN x.finished_at IS NOT NULL AND x.error_event IS DISTINCT FROM 0
                       THEN extract(epoch FROM coalesce(x.duration, x.finished_at - x.created_at))::float8 * 1000 END AS runtime,
                  -- greatest() skips NULLs: without the CASE a NULL scheduled_at would count as 0.
                  CASE WHEN x.scheduled_at IS NOT NULL THEN greatest(extract(epoch FROM x.created_at - x.scheduled_at)::float8 * 1000, 0) END AS wait
           FROM (SELECT active_job_id FROM jobs LIMIT ${sample}) j
           -- Through GoodJob's (active_job_id, created_at) index, one probe per job: OFFSET 0 keeps the planner from
           -- hashing the whole executions table instead (see lib/queries/batch-errors.ts).
           CROSS JOIN LATERAL (SELECT e.finished_at, e.error_event, e.duration, e.created_at, e.scheduled_at FROM good_job_executions e
                               WHERE e.active_job_id = j.active_job_id OFFSET 0) x
           LIMIT ${DURATIONS_EXECUTIONS_LIMIT + 1})
    SELECT least((SELECT n FROM found), ${sample})::int AS jobs, least(count(*), ${DURATIONS_EXECUTIONS_LIMIT})::int AS executions,
           (SELECT n FROM found) > ${sample} OR count(*) > ${DURATIONS_EXECUTIONS_LIMIT} AS sampled,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY runtime) AS runtime_p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY runtime) AS runtime_p95, max(runtime) AS runtime_max,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) AS wait_p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY wait) AS wait_p95, max(wait) AS wait_max
    FROM e`);
  return rows[0]!;
}

type ThroughputRow = {
  created_at: string;
  finished: boolean;
  finished_in_window: number | null;
  /** [count, latest scheduled_at] of the unfinished jobs, read in one pass; null for a finished batch. */
  unfinished: [string, string | null] | null;
};

/**
 * For an unfinished batch: its jobs finished in the last THROUGHPUT_WINDOW_MS, over the whole batch (a BitmapAnd of
 * the batch_id and finished_at indexes: index pages, then only the rows found), and its unfinished jobs, exactly up to
 * REMAINING_COUNT_LIMIT. Neither runs for a finished batch (an InitPlan runs when its value is first needed).
 */
async function readThroughput(db: Db, batchId: string, now: Date): Promise<ThroughputRow | null> {
  const until = toDbTime(now);
  const since = toDbTime(new Date(now.getTime() - THROUGHPUT_WINDOW_MS));
  const { rows } = await db.execute<ThroughputRow>(sql`
    SELECT b.created_at, b.finished_at IS NOT NULL AS finished,
           CASE WHEN b.finished_at IS NULL THEN
             (SELECT count(*)::int FROM good_jobs WHERE batch_id = ${batchId} AND finished_at >= ${since}::timestamp AND finished_at <= ${until}::timestamp)
           END AS finished_in_window,
           CASE WHEN b.finished_at IS NULL THEN
             (SELECT ARRAY[count(*)::text, max(scheduled_at)::text] FROM (
                SELECT scheduled_at FROM good_jobs WHERE batch_id = ${batchId} AND finished_at IS NULL LIMIT ${REMAINING_COUNT_LIMIT + 1}) AS r)
           END AS unfinished
    FROM good_job_batches b WHERE b.id = ${batchId}`);
  return rows[0] ?? null;
}

/** The durations and throughput of a batch, in milliseconds; null when there is no such batch. Two statements, in parallel. */
export async function batchDurations(db: Db, batchId: string, now: Date, sample = DURATIONS_SAMPLE): Promise<BatchDurations | null> {
  const [spreads, batch] = await Promise.all([sampleSpreads(db, batchId, sample), readThroughput(db, batchId, now)]);
  if (batch === null) return null;
  const createdAt = parseDbTime(batch.created_at);
  const remaining = Number(batch.unfinished?.[0] ?? 0);
  const throughput: ThroughputInputs | null =
    batch.finished || createdAt === null
      ? null
      : {
          finishedInWindow: batch.finished_in_window ?? 0,
          windowMs: throughputWindowMs(createdAt, now),
          remaining,
          remainingEstimated: remaining > REMAINING_COUNT_LIMIT,
          lastScheduledAt: batch.unfinished?.[1] ?? null,
        };
  return {
    jobs: spreads.jobs,
    executions: spreads.executions,
    runtime: spread(spreads, 'runtime'),
    wait: spread(spreads, 'wait'),
    sampled: spreads.sampled,
    throughput,
  };
}

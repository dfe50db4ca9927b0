import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { goodJobs } from '../db/schema';
import type { JobFilter, OrderColumn } from '../domain/job-filter';
import type { JobAction, JobStatus } from '../domain/job-state';
import { toDbTime } from '../domain/time';
import { errorClassSql } from './error-class-sql';

const executions = sql`COALESCE((${goodJobs.serialized_params}->>'executions')::integer, 0)`;

/**
 * GoodJob's own SQL for its state filters (GoodJob::Job scopes). They differ from the badge rule (jobStatus) in places:
 * scheduled/retried look at serialized executions, not at `error`, and ignore `performed_at`. The database tests write
 * down each case where the two disagree.
 */
export function goodJobStateSql(state: JobStatus, now: Date): SQL {
  const at = sql`${toDbTime(now)}::timestamp`;
  const due = sql`COALESCE(${goodJobs.scheduled_at}, ${goodJobs.created_at})`;
  switch (state) {
    case 'scheduled':
      return sql`${goodJobs.finished_at} IS NULL AND ${due} > ${at} AND ${executions} < 2`;
    case 'retried':
      return sql`${goodJobs.finished_at} IS NULL AND ${due} > ${at} AND ${executions} > 1`;
    case 'queued':
      return sql`${goodJobs.performed_at} IS NULL AND ${goodJobs.finished_at} IS NULL AND ${due} <= ${at}`;
    case 'running':
      return sql`${goodJobs.performed_at} IS NOT NULL AND ${goodJobs.finished_at} IS NULL`;
    case 'succeeded':
      return sql`${goodJobs.finished_at} IS NOT NULL AND ${goodJobs.error} IS NULL`;
    case 'discarded':
      return sql`${goodJobs.finished_at} IS NOT NULL AND ${goodJobs.error} IS NOT NULL`;
  }
}

/** GoodJob's full-text search document: ids, class, arguments, error and labels. */
export const SEARCH_DOCUMENT = sql`(to_tsvector('english', ${goodJobs.id}::text)
  || to_tsvector('english', COALESCE(${goodJobs.active_job_id}::text, ''))
  || to_tsvector('english', COALESCE(${goodJobs.job_class}, ''))
  || to_tsvector('english', COALESCE(${goodJobs.serialized_params}->>'arguments', ''))
  || to_tsvector('english', COALESCE(${goodJobs.error}, ''))
  || to_tsvector('english', COALESCE(array_to_string(${goodJobs.labels}, ' '), '')))`;

const pausedList = (list: 'queues' | 'job_classes' | 'labels') =>
  sql`SELECT jsonb_array_elements_text(value->${list}) FROM good_job_settings WHERE key = 'pauses' AND jsonb_typeof(value->${list}) = 'array'`;

/**
 * Jobs a pause holds back: not started, and their queue, class or one of their labels paused — the opposite of
 * GoodJob's Job.exclude_paused, which workers with pauses enabled apply when they pick a job.
 */
export const PAUSED_SQL = sql`(${goodJobs.performed_at} IS NULL AND ${goodJobs.finished_at} IS NULL AND (
  ${goodJobs.queue_name} IN (${pausedList('queues')})
  OR ${goodJobs.job_class} IN (${pausedList('job_classes')})
  OR COALESCE(${goodJobs.labels} && ARRAY(${pausedList('labels')}), FALSE)))`;

/** Everything but the state: the part the state tabs' counts share. */
export function jobFilterSqlWithoutState(filter: JobFilter): SQL | undefined {
  return and(
    filter.queue !== null ? eq(goodJobs.queue_name, filter.queue) : undefined,
    filter.jobClass !== null ? eq(goodJobs.job_class, filter.jobClass) : undefined,
    filter.label !== null ? sql`${goodJobs.labels} @> ARRAY[${filter.label}]::text[]` : undefined,
    filter.search !== null ? sql`${SEARCH_DOCUMENT} @@ websearch_to_tsquery('english', ${filter.search})` : undefined,
    filter.cronKey !== null ? eq(goodJobs.cron_key, filter.cronKey) : undefined,
    filter.paused ? PAUSED_SQL : undefined,
    // The same rule as lib/domain/error-class.ts: the text before the first ": ".
    filter.errorClass !== null ? sql`${goodJobs.error} IS NOT NULL AND ${errorClassSql(goodJobs.error)} = ${filter.errorClass}` : undefined,
    filter.batchId !== null ? eq(goodJobs.batch_id, filter.batchId) : undefined,
    filter.finishedSince !== null ? sql`${goodJobs.finished_at} >= ${toDbTime(new Date(filter.finishedSince))}::timestamp` : undefined,
    filter.performedAfter !== null ? sql`${goodJobs.performed_at} >= ${toDbTime(new Date(filter.performedAfter))}::timestamp` : undefined,
    filter.performedBefore !== null ? sql`${goodJobs.performed_at} < ${toDbTime(new Date(filter.performedBefore))}::timestamp` : undefined,
    filter.scheduledAfter !== null ? sql`${goodJobs.scheduled_at} >= ${toDbTime(new Date(filter.scheduledAfter))}::timestamp` : undefined,
    filter.scheduledBefore !== null ? sql`${goodJobs.scheduled_at} < ${toDbTime(new Date(filter.scheduledBefore))}::timestamp` : undefined,
  );
}

export function jobFilterSql(filter: JobFilter, now: Date): SQL | undefined {
  return and(filter.state ? goodJobStateSql(filter.state, now) : undefined, jobFilterSqlWithoutState(filter));
}

export function orderExpression(column: OrderColumn): SQL {
  switch (column) {
    case 'scheduled':
      // GoodJob orders waiting jobs by scheduled_at (always set by GoodJob v4): its unfinished index serves it.
      return sql`${goodJobs.scheduled_at}`;
    case 'performed_at':
      return sql`${goodJobs.performed_at}`;
    case 'finished_at':
      return sql`${goodJobs.finished_at}`;
    case 'created_at':
      return sql`${goodJobs.created_at}`;
  }
}

/**
 * The jobs an action can take in a run over a filter, by the state rule of lib/domain/job-state.ts (allowedActions):
 * retry takes discarded jobs, discard and reschedule jobs not started, destroy finished ones. Reschedule ("run now")
 * takes only jobs not yet due: a due job rescheduled would come due again behind the run's cursor, for ever.
 */
export function actionableSql(action: Exclude<JobAction, 'forceDiscard'>, now: Date): SQL {
  switch (action) {
    case 'retry':
      return sql`${goodJobs.finished_at} IS NOT NULL AND ${goodJobs.error} IS NOT NULL`;
    case 'discard':
      return sql`${goodJobs.finished_at} IS NULL AND ${goodJobs.performed_at} IS NULL`;
    case 'reschedule':
      return sql`${goodJobs.finished_at} IS NULL AND ${goodJobs.performed_at} IS NULL AND COALESCE(${goodJobs.scheduled_at}, ${goodJobs.created_at}) > ${toDbTime(now)}::timestamp`;
    case 'destroy':
      return sql`${goodJobs.finished_at} IS NOT NULL`;
  }
}

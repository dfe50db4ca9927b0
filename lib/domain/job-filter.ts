// The jobs list's filters, as they live in the URL. Pure: the SQL is lib/sql/job-filter-sql.ts.
import { parseJobStatus, type JobStatus } from './job-state';
import { parseUuid } from './ids';
import { firstParam } from './url';

export interface JobFilter {
  state: JobStatus | null;
  queue: string | null;
  jobClass: string | null;
  label: string | null;
  search: string | null;
  /** GoodJob's `cron_key` (a cron entry's page lists its jobs). */
  cronKey: string | null;
  /** Only jobs waiting behind a pause (their queue, class or a label is paused). */
  paused: true | null;
  /** The exception class of the job's error (lib/domain/error-class.ts), as the Discard Cleaner groups them. */
  errorClass: string | null;
  /** Finished at or after this moment (ISO 8601), for the Cleaner's time windows. */
  finishedSince: string | null;
  /** The batch's own jobs (batch_id): the batch error summary links here. */
  batchId: string | null;
  /** Performed (good_jobs.performed_at) at or after / before this moment (ISO 8601): a batch timeline bucket's jobs. */
  performedAfter: string | null;
  performedBefore: string | null;
  /** Scheduled (good_jobs.scheduled_at) at or after / before this moment (ISO 8601): an activity chart bar's jobs. */
  scheduledAfter: string | null;
  scheduledBefore: string | null;
}

export const EMPTY_JOB_FILTER: JobFilter = { state: null, queue: null, jobClass: null, label: null, search: null, cronKey: null, paused: null, errorClass: null, finishedSince: null, batchId: null, performedAfter: null, performedBefore: null, scheduledAfter: null, scheduledBefore: null };

/** Names and labels are at most this long in the URL (GoodJob's own are far shorter). */
const MAX_VALUE = 1024;

const text = (value: string | string[] | undefined) => {
  const v = firstParam(value)?.trim();
  return v ? v.slice(0, MAX_VALUE) : null;
};

/** An ISO 8601 moment with a zone (`2026-12-02T08:00:00Z`), normalised; anything else is no filter. */
function isoMoment(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function parseJobFilter(query: Record<string, string | string[] | undefined>): JobFilter {
  const state = firstParam(query.state);
  return {
    state: parseJobStatus(state),
    queue: text(query.queue),
    jobClass: text(query.job_class),
    label: text(query.label),
    search: text(query.q),
    cronKey: text(query.cron_key),
    paused: firstParam(query.paused) === '1' ? true : null,
    errorClass: text(query.error_class),
    finishedSince: isoMoment(firstParam(query.finished_since)),
    batchId: parseUuid(firstParam(query.batch_id) ?? ''),
    performedAfter: isoMoment(firstParam(query.performed_after)),
    performedBefore: isoMoment(firstParam(query.performed_before)),
    scheduledAfter: isoMoment(firstParam(query.scheduled_after)),
    scheduledBefore: isoMoment(firstParam(query.scheduled_before)),
  };
}

/** The filter as URL parameters (GoodJob's names), for links that keep it. */
export function jobFilterParams(filter: JobFilter): Record<string, string | null> {
  return { state: filter.state, queue: filter.queue, job_class: filter.jobClass, label: filter.label, q: filter.search, cron_key: filter.cronKey, paused: filter.paused ? '1' : null, error_class: filter.errorClass, finished_since: filter.finishedSince, batch_id: filter.batchId, performed_after: filter.performedAfter, performed_before: filter.performedBefore, scheduled_after: filter.scheduledAfter, scheduled_before: filter.scheduledBefore };
}

export function isEmptyFilter(filter: JobFilter): boolean {
  return Object.values(filter).every((v) => v === null);
}

export type OrderColumn = 'scheduled' | 'performed_at' | 'finished_at' | 'created_at';

/** GoodJob's ordering per state: waiting jobs soonest first, running and discarded most recent first. */
export function jobOrder(state: JobStatus | null): { column: OrderColumn; direction: 'asc' | 'desc' } {
  switch (state) {
    case 'scheduled':
    case 'retried':
    case 'queued':
      return { column: 'scheduled', direction: 'asc' };
    case 'running':
      return { column: 'performed_at', direction: 'desc' };
    case 'discarded':
      return { column: 'finished_at', direction: 'desc' };
    default:
      return { column: 'created_at', direction: 'desc' };
  }
}

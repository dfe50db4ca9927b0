// Rows carried as data: what a list's table shows of a job or a batch, as a compact plain object the server builds
// once and the browser's one table component renders (the page's React payload carries the data once, not a second
// copy of every element). Formatting that needs the server (times in the locale and zone) is done here.
import { clip, formatRelativeTime } from './format';
import { batchState, type BatchState } from './batch-state';
import type { ExportJob } from './export';
import { jobInspectJson } from './inspect-json';
import { attemptsNeedAttention, jobStatus, statusChangedAt, type JobStatus } from './job-state';
import { pauseReason, type PauseKind, type PauseMarking } from './settings';
import { parseDbTime } from './time';

/**
 * A time as a table shows it: epoch ms (the browser writes `<time dateTime>` and the exact time for the hover from it,
 * digits only) and the relative words, which need the server's locale data (a browser's may word them differently).
 */
export type TimeView = readonly [ms: number, relative: string] | readonly [raw: string];

/** How a page's times are written: its locale and "now". */
export interface TimeContext {
  locale: string;
  now: Date;
}

export function timeView(value: string, context: TimeContext): TimeView {
  const date = parseDbTime(value);
  if (date === null) return [value];
  return [date.getTime(), formatRelativeTime(date, context.now, context.locale)];
}

/** How much of a job's error its row in the jobs list carries (the CSS clips it to one line; the job page has all). */
export const ERROR_LINE_CHARS = 300;

export interface JobRowView {
  id: string;
  jobClass: string | null;
  queue: string | null;
  priority: number | null;
  labels: string[] | null;
  attempts: number;
  /** Attempts with errors: the count is marked. */
  attention?: true;
  status: JobStatus;
  changed: TimeView;
  /** The jobs list only: the error's first part and the batch (or the batch whose callback the job is). */
  error?: string;
  batch?: string;
  /** Waiting behind a pause: the marker's words and the reason, already in the page's language. */
  paused?: readonly [marker: string, reason: string];
  /** "Inspect all": the job's Inspect JSON. */
  json?: string;
}

/** What a row shows of a job: the fields an export carries, and the batch whose callback it is. */
export type JobViewSource = Omit<ExportJob, 'serialized_params_text'> & { batch_callback_id: string | null };

export interface JobViewOptions {
  /** The jobs list: rows carry their error line and batch. */
  listContext: boolean;
  paused?: (job: JobViewSource, status: JobStatus) => readonly [string, string] | null;
  json?: (job: JobViewSource) => string;
}

export function jobRowView(job: JobViewSource, time: TimeContext, options: JobViewOptions): JobRowView {
  const status = jobStatus(job, time.now);
  const view: JobRowView = {
    id: job.id,
    jobClass: job.job_class,
    queue: job.queue_name,
    priority: job.priority,
    labels: job.labels && job.labels.length > 0 ? job.labels : null,
    attempts: job.executions_count ?? 0,
    status,
    changed: timeView(statusChangedAt(job), time),
  };
  if (attemptsNeedAttention(job)) view.attention = true;
  if (options.listContext) {
    if (job.error) view.error = clip(job.error, ERROR_LINE_CHARS);
    const batch = job.batch_id ?? job.batch_callback_id;
    if (batch) view.batch = batch;
  }
  const paused = options.paused?.(job, status);
  if (paused) view.paused = paused;
  if (options.json) view.json = options.json(job);
  return view;
}

export interface JobRowsOptions {
  /** The jobs list: rows carry their error line and batch. */
  listContext: boolean;
  /** Marks jobs that wait behind a pause, in these words; null marks nothing. */
  pausing: PauseMarking | null;
  words: PausedWords;
  /** "Inspect all": the good_jobs columns in table order, for each row's Inspect JSON. */
  inspectColumns?: readonly string[];
}

/** A table's job rows: the page's (components/jobs/jobs-table.tsx) and a live update's (lib/live/job-views.ts). */
export function jobRowViews(jobs: readonly (JobViewSource & { serialized_params_text: string | null })[], time: TimeContext, options: JobRowsOptions): JobRowView[] {
  const paused = pausedView(options.pausing, options.words);
  const columns = options.inspectColumns;
  return jobs.map((job) => jobRowView(job, time, { listContext: options.listContext, paused, json: columns ? () => jobInspectJson(job, job.serialized_params_text, columns) : undefined }));
}

export const BATCH_TIMES = ['created_at', 'enqueued_at', 'discarded_at', 'finished_at'] as const;
export type BatchTime = (typeof BATCH_TIMES)[number];

export interface BatchRowView {
  id: string;
  description: string | null;
  /** The callback job classes named by on_finish / on_success / on_discard, each once. */
  callbacks: string[];
  times: Record<BatchTime, TimeView | null>;
  state: BatchState;
  /** Jobs counted (the first `total - 1` when capped), finished, discarded. */
  total: number;
  finished: number;
  discarded: number;
  capped?: true;
}

export interface BatchViewSource {
  id: string;
  description: string | null;
  on_finish: string | null;
  on_success: string | null;
  on_discard: string | null;
  created_at: string;
  enqueued_at: string | null;
  discarded_at: string | null;
  finished_at: string | null;
  jobs_finished_at?: string | null;
}

/** A batch's job totals (none read: no jobs). */
export type BatchTotals = { total: number; finished: number; discarded: number; capped?: boolean };
const NO_JOBS: BatchTotals = { total: 0, finished: 0, discarded: 0 };

export function batchRowView(batch: BatchViewSource, totals: BatchTotals = NO_JOBS, time: TimeContext): BatchRowView {
  const view: BatchRowView = {
    id: batch.id,
    description: batch.description,
    callbacks: [...new Set([batch.on_finish, batch.on_success, batch.on_discard].filter((c): c is string => !!c))],
    times: Object.fromEntries(BATCH_TIMES.map((c) => [c, batch[c] ? timeView(batch[c], time) : null])) as Record<BatchTime, TimeView | null>,
    state: batchState(batch),
    total: totals.total,
    finished: totals.finished,
    discarded: totals.discarded,
  };
  if (totals.capped) view.capped = true;
  return view;
}

const WAITING: ReadonlySet<JobStatus> = new Set(['queued', 'scheduled', 'retried']);

/** The words of the "Paused" marker, in the page's language. */
export interface PausedWords {
  marker: string;
  markerIfEnabled: string;
  reason: (kind: PauseKind, value: string) => string;
}

/** The marker's words from the page's `Pauses` messages. */
export function pausedWords(t: (key: 'marker' | 'markerIfEnabled' | `reason_${PauseKind}`, values?: { value: string }) => string): PausedWords {
  return { marker: t('marker'), markerIfEnabled: t('markerIfEnabled'), reason: (kind, value) => t(`reason_${kind}`, { value }) };
}

/**
 * Marks a job that waits behind a pause (its queue, class or a label): the marker and its reason; null otherwise. The
 * one rule for a table's rows and the job page's marker.
 */
export function pausedView(pausing: PauseMarking | null, words: PausedWords) {
  return (job: Pick<JobViewSource, 'queue_name' | 'job_class' | 'labels'>, status: JobStatus): readonly [string, string] | null => {
    if (pausing === null || !WAITING.has(status)) return null;
    const reason = pauseReason(job, pausing.pauses);
    if (reason === null) return null;
    return [pausing.certain ? words.marker : words.markerIfEnabled, words.reason(reason.kind, reason.value)];
  };
}

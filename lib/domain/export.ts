// Jobs as data files: CSV (RFC 4180, safe to open in a spreadsheet) and NDJSON. Pure: the rows come from
// lib/queries/export.ts, the stream from lib/export/respond.ts.
import { jobStatus, type JobStateFields } from './job-state';

export type ExportFormat = 'csv' | 'ndjson';

export interface ExportJob extends JobStateFields {
  id: string;
  job_class: string | null;
  queue_name: string | null;
  priority: number | null;
  labels: string[] | null;
  executions_count: number | null;
  batch_id: string | null;
  /** serialized_params as PostgreSQL prints it (NDJSON only): spliced in as it is, no number loses precision. */
  serialized_params_text?: string | null;
}

export const EXPORT_COLUMNS = ['id', 'job_class', 'queue_name', 'priority', 'labels', 'state', 'attempts', 'created_at', 'scheduled_at', 'performed_at', 'finished_at', 'error', 'batch_id'] as const;

/** A database timestamp (UTC, no zone) as ISO 8601 UTC: `2026-11-22T12:09:00.004855Z`. */
export function isoUtc(value: string | null): string | null {
  if (value === null) return null;
  const [date, time] = value.split(' ');
  return time === undefined ? value : `${date}T${time}Z`;
}

function record(job: ExportJob, now: Date): Record<(typeof EXPORT_COLUMNS)[number], string | number | string[] | null> {
  return {
    id: job.id,
    job_class: job.job_class,
    queue_name: job.queue_name,
    priority: job.priority,
    labels: job.labels,
    state: jobStatus(job, now),
    attempts: job.executions_count ?? 0,
    created_at: isoUtc(job.created_at),
    scheduled_at: isoUtc(job.scheduled_at),
    performed_at: isoUtc(job.performed_at),
    finished_at: isoUtc(job.finished_at),
    error: job.error,
    batch_id: job.batch_id,
  };
}

/**
 * One CSV field. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) gets a leading `'`; a field with a quote, comma or line break is quoted, quotes doubled (RFC 4180).
 */
export function csvField(value: string | number | string[] | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let text = Array.isArray(value) ? JSON.stringify(value) : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvHeader = () => `${EXPORT_COLUMNS.join(',')}\r\n`;

export function csvLine(job: ExportJob, now: Date): string {
  const r = record(job, now);
  return `${EXPORT_COLUMNS.map((c) => csvField(r[c])).join(',')}\r\n`;
}

export function ndjsonLine(job: ExportJob, now: Date): string {
  const json = JSON.stringify(record(job, now));
  const params = job.serialized_params_text ?? 'null';
  return `${json.slice(0, -1)},"serialized_params":${params}}\n`;
}

/** The download's file name: what was exported, in characters any file system takes. */
export function exportFileName(scope: { batchId: string } | { filter: Record<string, string | null> }, format: ExportFormat): string {
  if ('batchId' in scope) return `batch-${scope.batchId}-jobs.${format}`;
  const parts = Object.entries(scope.filter)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}-${v}`);
  const name = ['jobs', ...parts].join('_').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120);
  return `${name}.${format}`;
}

// A job's status, GoodJob's rule (fixtures README / GoodJob v4.19 source). One function shared by badge, menu and actions.
import { parseDbTime } from './time';

export const JOB_STATUSES = ['scheduled', 'retried', 'queued', 'running', 'succeeded', 'discarded'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_ACTIONS = ['retry', 'discard', 'forceDiscard', 'reschedule', 'destroy'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/** A status named in a URL (`?state=`), or null for anything else. */
export function parseJobStatus(value: string | undefined): JobStatus | null {
  return (JOB_STATUSES as readonly string[]).includes(value ?? '') ? (value as JobStatus) : null;
}

export interface JobStateFields {
  scheduled_at: string | null;
  performed_at: string | null;
  finished_at: string | null;
  created_at: string;
  error: string | null;
}

export function jobStatus(job: JobStateFields, now: Date): JobStatus {
  if (job.finished_at !== null) return job.error !== null ? 'discarded' : 'succeeded';
  if (job.performed_at !== null) return 'running';
  const due = parseDbTime(job.scheduled_at ?? job.created_at);
  if (due === null || due.getTime() <= now.getTime()) return 'queued';
  return job.error !== null ? 'retried' : 'scheduled';
}

/** The time of the job's last status change, as database text. */
export function statusChangedAt(job: JobStateFields): string {
  return job.finished_at ?? job.performed_at ?? job.scheduled_at ?? job.created_at;
}

const ALLOWED: Record<JobStatus, readonly JobAction[]> = {
  scheduled: ['reschedule', 'discard'],
  retried: ['reschedule', 'discard'],
  queued: ['reschedule', 'discard'],
  running: ['forceDiscard'],
  succeeded: ['destroy'],
  discarded: ['retry', 'destroy'],
};

export function allowedActions(status: JobStatus): readonly JobAction[] {
  return ALLOWED[status];
}

/**
 * Attempts are highlighted when an attempt failed or more than one was needed. A job that never ran (0 attempts) has
 * nothing to highlight, even with an error: that error was written by a discard, not by an attempt.
 */
export function attemptsNeedAttention(job: { error: string | null; executions_count: number | null }): boolean {
  const attempts = job.executions_count ?? 0;
  return attempts > 1 || (attempts > 0 && job.error !== null);
}

/** GoodJob's error_event enum. */
export const ERROR_EVENTS = ['interrupted', 'unhandled', 'handled', 'retried', 'retry_stopped', 'discarded'] as const;

export function errorEventName(value: number | null): string | number | null {
  if (value === null) return null;
  return ERROR_EVENTS[value] ?? value;
}

// Writes, one per GoodJob method, each one transaction: GoodJob's advisory lock on the job (a try-lock held for the
// transaction, as a running worker holds it for the job), the row locked NOWAIT and re-read, the state checked on
// that fresh row, then exactly the changes GoodJob's own method makes. Nothing half-applied.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jobLockKey } from '../domain/advisory-lock';
import { allowedActions, jobStatus, type JobAction, type JobStateFields } from '../domain/job-state';
import { jsonTime, parseDbTime } from '../domain/time';
import { isLockNotAvailable, lockKeySql, LockedError } from './lock';
import { retryUpdateSql } from './retry-sql';

export type CommandOutcome = 'done' | 'not_found' | 'wrong_state' | 'locked';
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type LockedJob = JobStateFields & {
  id: string;
  queue_name: string | null;
  active_job_id: string | null;
  locked_by_id: string | null;
  now: string;
};

export const DISCARD_MESSAGE = 'GoodJob::Job::DiscardJobError: Discarded through dashboard';
export const FORCE_DISCARD_MESSAGE = 'GoodJob::Job::DiscardJobError: Force discarded through dashboard';

/** Takes the job's locks inside `tx`; null when there is no such job. Throws LockedError when a worker holds it. */
export async function lockJob(tx: Tx, id: string, { advisory }: { advisory: boolean }): Promise<LockedJob | null> {
  if (advisory) {
    const { rows } = await tx.execute<{ locked: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${lockKeySql(jobLockKey(id))}) AS locked`);
    if (!rows[0]?.locked) throw new LockedError();
  }
  const { rows } = await tx.execute<Record<string, unknown>>(sql`
    SELECT id, queue_name, scheduled_at, performed_at, finished_at, error, created_at, active_job_id, locked_by_id,
           (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(6)::text AS now
    FROM good_jobs WHERE id = ${id} FOR NO KEY UPDATE NOWAIT`);
  const job = (rows[0] as LockedJob | undefined) ?? null;
  // A worker in skip-locked mode holds no advisory lock but marks the row while it runs.
  if (job && advisory && job.locked_by_id !== null && job.finished_at === null) throw new LockedError();
  return job;
}

async function runJobCommand(db: Db, id: string, action: JobAction, change: (tx: Tx, job: LockedJob) => Promise<void>): Promise<CommandOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const job = await lockJob(tx, id, { advisory: action !== 'forceDiscard' });
      if (!job) return 'not_found';
      if (!allowedActions(jobStatus(job, parseDbTime(job.now)!)).includes(action)) return 'wrong_state';
      await change(tx, job);
      return 'done';
    });
  } catch (error) {
    if (isLockNotAvailable(error)) return 'locked';
    throw error;
  }
}

/** GoodJob::Job#retry_job: the same row, queued again now; workers are told at once (NOTIFY good_job). */
export function retryJob(db: Db, id: string): Promise<CommandOutcome> {
  return runJobCommand(db, id, 'retry', async (tx, job) => {
    await tx.execute(retryUpdateSql([job.id], job.now));
    await notifyQueued(tx, [job.queue_name], job.now);
  });
}

/** GoodJob::Job#discard_job('Discarded through dashboard'). */
export function discardJob(db: Db, id: string): Promise<CommandOutcome> {
  return runJobCommand(db, id, 'discard', (tx, job) => discard(tx, job, DISCARD_MESSAGE));
}

/** GoodJob::Job#force_discard_job: for a running job, without the job lock (the worker keeps running). */
export function forceDiscardJob(db: Db, id: string): Promise<CommandOutcome> {
  return runJobCommand(db, id, 'forceDiscard', (tx, job) => discard(tx, job, FORCE_DISCARD_MESSAGE));
}

async function discard(tx: Tx, job: LockedJob, message: string) {
  await tx.execute(sql`UPDATE good_jobs SET finished_at = ${job.now}::timestamp, error = ${message}, error_event = 5,
    updated_at = ${job.now}::timestamp WHERE id = ${job.id}`);
}

/** GoodJob::Job#reschedule_job: run now. */
export function rescheduleJob(db: Db, id: string): Promise<CommandOutcome> {
  return runJobCommand(db, id, 'reschedule', async (tx, job) => {
    await tx.execute(sql`UPDATE good_jobs SET scheduled_at = ${job.now}::timestamp, updated_at = ${job.now}::timestamp WHERE id = ${job.id}`);
    await notifyQueued(tx, [job.queue_name], job.now);
  });
}

/** GoodJob::Job#destroy_job: its executions (by active_job_id), then the job. */
export function destroyJob(db: Db, id: string): Promise<CommandOutcome> {
  return runJobCommand(db, id, 'destroy', async (tx, job) => {
    if (job.active_job_id !== null) await tx.execute(sql`DELETE FROM good_job_executions WHERE active_job_id = ${job.active_job_id}`);
    await tx.execute(sql`DELETE FROM good_jobs WHERE id = ${job.id}`);
  });
}

/** What GoodJob's adapter sends after enqueuing: one NOTIFY per queue, delivered when the transaction commits. */
export async function notifyQueued(tx: Tx, queues: ReadonlyArray<string | null>, now: string) {
  for (const queue of new Set(queues)) {
    await tx.execute(sql`SELECT pg_notify('good_job', ${JSON.stringify({ queue_name: queue, scheduled_at: jsonTime(now) })})`);
  }
}

/** Each job action's command: the one map the server actions, bulk actions and tests share. */
export const JOB_COMMANDS: Record<JobAction, (db: Db, id: string) => Promise<CommandOutcome>> = {
  retry: retryJob,
  discard: discardJob,
  forceDiscard: forceDiscardJob,
  reschedule: rescheduleJob,
  destroy: destroyJob,
};

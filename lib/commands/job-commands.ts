// One job's action (the job page, a row's menu): GoodJob's method on that job, with its locks, one transaction
// (lib/commands/job-set.ts, the same code that acts on a step of many). Nothing half-applied.
import type { Db } from '../db/client';
import type { JobAction } from '../domain/job-state';
import { actOnJobs } from './job-set';

export { DISCARD_MESSAGE, FORCE_DISCARD_MESSAGE, notifyQueued } from './job-set';

export type CommandOutcome = 'done' | 'not_found' | 'wrong_state' | 'locked';

async function actOnJob(db: Db, id: string, action: JobAction): Promise<CommandOutcome> {
  const { done, held, changed } = await actOnJobs(db, [id], action);
  if (done.length > 0) return 'done';
  if (held.length > 0) return 'locked';
  if (changed.length > 0) return 'wrong_state';
  return 'not_found';
}

/** GoodJob::Job#retry_job. */
export const retryJob = (db: Db, id: string) => actOnJob(db, id, 'retry');
/** GoodJob::Job#discard_job('Discarded through dashboard'). */
export const discardJob = (db: Db, id: string) => actOnJob(db, id, 'discard');
/** GoodJob::Job#force_discard_job: for a running job, without the job lock (the worker keeps running). */
export const forceDiscardJob = (db: Db, id: string) => actOnJob(db, id, 'forceDiscard');
/** GoodJob::Job#reschedule_job: run now. */
export const rescheduleJob = (db: Db, id: string) => actOnJob(db, id, 'reschedule');
/** GoodJob::Job#destroy_job. */
export const destroyJob = (db: Db, id: string) => actOnJob(db, id, 'destroy');

/** Each job action's command: the one map the server actions and tests share. */
export const JOB_COMMANDS: Record<JobAction, (db: Db, id: string) => Promise<CommandOutcome>> = {
  retry: retryJob,
  discard: discardJob,
  forceDiscard: forceDiscardJob,
  reschedule: rescheduleJob,
  destroy: destroyJob,
};

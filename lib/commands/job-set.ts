// GoodJob's job actions applied to a set of jobs in one transaction (at most a step's worth: lib/domain/job-run.ts),
// with the locks and rules of GoodJob::Job#retry_job / #discard_job / #reschedule_job / #destroy_job for each job:
// - the row locked without waiting (FOR NO KEY UPDATE SKIP LOCKED: another action or a worker's update holds it);
// - GoodJob's advisory lock on the job tried for the transaction (pg_try_advisory_xact_lock), as a worker in the
//   default mode holds it while the job runs; a worker in skip-locked mode marks locked_by_id instead;
// - the state re-read on the locked row (lib/domain/job-state.ts: the rule the badge and menu use);
// - then exactly the changes GoodJob's method makes, set-based. A job that cannot be acted on is left as it is and
//   said why: held (a worker or another action has it), changed (its state no longer allows the action), gone.
// Force discard is GoodJob's force_discard_job: no job lock, for a running job.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { allowedActions, jobStatus, type JobAction, type JobStateFields } from '../domain/job-state';
import { jsonTime, parseDbTime } from '../domain/time';
import { lockKeySqlFor } from '../db/lock-key';
import { retryUpdateSql } from './retry-sql';
import { uuidArraySql } from './sql-values';

export const DISCARD_MESSAGE = 'GoodJob::Job::DiscardJobError: Discarded through dashboard';
export const FORCE_DISCARD_MESSAGE = 'GoodJob::Job::DiscardJobError: Force discarded through dashboard';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface JobSetResult {
  /** The jobs changed, in the order asked. */
  done: string[];
  held: string[];
  changed: string[];
  gone: string[];
  /** The transaction's time (database text), written into the changed rows. */
  now: string;
}

type LockedJob = JobStateFields & { id: string; queue_name: string | null; active_job_id: string | null; locked_by_id: string | null };

export async function actOnJobs(db: Db, ids: readonly string[], action: JobAction): Promise<JobSetResult> {
  const wanted = [...new Set(ids)];
  return db.transaction(async (tx) => {
    const { rows: clock } = await tx.execute<{ now: string }>(sql`SELECT (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(6)::text AS now`);
    const now = clock[0]!.now;
    const result: JobSetResult = { done: [], held: [], changed: [], gone: [], now };
    if (wanted.length === 0) return result;
    const { rows } = await tx.execute<Record<string, unknown>>(sql`
      SELECT id, queue_name, scheduled_at, performed_at, finished_at, error, created_at, active_job_id, locked_by_id
      FROM good_jobs WHERE id = ANY(${uuidArraySql(wanted)}) ORDER BY id FOR NO KEY UPDATE SKIP LOCKED`);
    const locked = rows as unknown as LockedJob[];
    const byId = new Map(locked.map((job) => [job.id, job]));
    const notLocked = wanted.filter((id) => !byId.has(id));
    // Skipped by SKIP LOCKED: held by someone, or not there at all.
    const present = notLocked.length === 0 ? new Set<string>() : new Set((await tx.execute<{ id: string }>(sql`SELECT id FROM good_jobs WHERE id = ANY(${uuidArraySql(notLocked)})`)).rows.map((r) => r.id));
    const advisory = action !== 'forceDiscard';
    const free = advisory && locked.length > 0 ? await tryJobLocks(tx, locked.map((j) => j.id)) : null;
    const at = parseDbTime(now)!;
    const act: LockedJob[] = [];
    for (const id of wanted) {
      const job = byId.get(id);
      if (!job) {
        (present.has(id) ? result.held : result.gone).push(id);
        continue;
      }
      // A worker in skip-locked mode holds no advisory lock but marks the row while it runs.
      if (free && (!free.has(id) || (job.locked_by_id !== null && job.finished_at === null))) {
        result.held.push(id);
        continue;
      }
      if (!allowedActions(jobStatus(job, at)).includes(action)) {
        result.changed.push(id);
        continue;
      }
      act.push(job);
      result.done.push(id);
    }
    if (act.length > 0) await CHANGES[action](tx, act, now);
    return result;
  });
}

/** The ids whose GoodJob advisory lock this transaction now holds (tried, never waited for). */
async function tryJobLocks(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  const { rows } = await tx.execute<{ id: string; got: boolean }>(sql`
    SELECT id::text, pg_try_advisory_xact_lock(${lockKeySqlFor(`'good_jobs-' || id::text`)}) AS got
    FROM unnest(${uuidArraySql(ids)}) AS t(id)`);
  return new Set(rows.filter((r) => r.got).map((r) => r.id));
}

const idsOf = (jobs: readonly LockedJob[]) => uuidArraySql(jobs.map((j) => j.id));

const discardAs = (message: string) => async (tx: Tx, jobs: readonly LockedJob[], now: string) => {
  await tx.execute(sql`UPDATE good_jobs SET finished_at = ${now}::timestamp, error = ${message}, error_event = 5,
    updated_at = ${now}::timestamp WHERE id = ANY(${idsOf(jobs)})`);
};

/** What each GoodJob method changes, for jobs already locked and checked. */
const CHANGES: Record<JobAction, (tx: Tx, jobs: readonly LockedJob[], now: string) => Promise<void>> = {
  // GoodJob::Job#retry_job: the same row, queued again now; workers are told at once (NOTIFY good_job).
  retry: async (tx, jobs, now) => {
    await tx.execute(retryUpdateSql(jobs.map((j) => j.id), now));
    await notifyQueued(tx, jobs.map((j) => j.queue_name), now);
  },
  // GoodJob::Job#discard_job('Discarded through dashboard').
  discard: discardAs(DISCARD_MESSAGE),
  // GoodJob::Job#force_discard_job: the worker keeps running the job; only the record says discarded.
  forceDiscard: discardAs(FORCE_DISCARD_MESSAGE),
  // GoodJob::Job#reschedule_job: run now.
  reschedule: async (tx, jobs, now) => {
    await tx.execute(sql`UPDATE good_jobs SET scheduled_at = ${now}::timestamp, updated_at = ${now}::timestamp WHERE id = ANY(${idsOf(jobs)})`);
    await notifyQueued(tx, jobs.map((j) => j.queue_name), now);
  },
  // GoodJob::Job#destroy_job: its executions (by active_job_id), then the job.
  destroy: async (tx, jobs) => {
    const activeJobIds = jobs.map((j) => j.active_job_id).filter((id): id is string => id !== null);
    if (activeJobIds.length > 0) await tx.execute(sql`DELETE FROM good_job_executions WHERE active_job_id = ANY(${uuidArraySql(activeJobIds)})`);
    await tx.execute(sql`DELETE FROM good_jobs WHERE id = ANY(${idsOf(jobs)})`);
  },
};

/** What GoodJob's adapter sends after enqueuing: one NOTIFY per queue, delivered when the transaction commits. */
export async function notifyQueued(tx: Tx, queues: ReadonlyArray<string | null>, now: string) {
  for (const queue of new Set(queues)) {
    await tx.execute(sql`SELECT pg_notify('good_job', ${JSON.stringify({ queue_name: queue, scheduled_at: jsonTime(now) })})`);
  }
}

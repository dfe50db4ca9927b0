// Discard batch (GoodJob issue #919), in steps: each step discards up to STEP_SIZE of the batch's unfinished jobs as
// GoodJob::Job#discard_job does (lib/commands/job-set.ts, one transaction); the step that finds none left after its
// page continues the batch as GoodJob's worker would have, had it discarded them itself
// (BatchRecord#_continue_discard_or_finish, v4.19.2), under the batch's advisory lock. GoodJob's own dashboard
// discards never reach that step (it runs only after a worker performs a job): a batch whose jobs were all discarded
// there never finishes and never calls back.
//
// What the last step reads is kept in the rows themselves, so that a run stopped anywhere (a busy lock, a fault, the
// operator's Stop) is finished by the next one: the batch is marked discarded when one of its jobs was discarded
// through a dashboard (error_event discarded, GoodJob's dashboard message), and its callbacks then follow as GoodJob
// enqueues them (lib/domain/batch-callback.ts).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getCapabilities, type Capabilities } from '../db/capabilities';
import type { Db } from '../db/client';
import { isDatabaseBusy, isDatabaseUnavailable } from '../db/errors';
import { batchLockTimeout } from '../config';
import { batchLockKey } from '../domain/advisory-lock';
import type { CallbackEvent } from '../domain/batch-callback';
import type { Cursor } from '../domain/cursor';
import { EMPTY_TALLY, STEP_SIZE, tallyOf, type Tally } from '../domain/job-run';
import { callbackClass, insertCallback, planCallbacks, type NeedsSetting } from './batch-callbacks';
import { actOnJobs, DISCARD_MESSAGE, FORCE_DISCARD_MESSAGE } from './job-set';
import { isLockNotAvailable, lockKeySql } from '../db/lock-key';

export type { NeedsSetting } from './batch-callbacks';

/** The most unfinished jobs counted for a run's progress: a count stays bounded on the biggest batches. */
const COUNT_CAP = 1_000_000;

export type BatchFields = {
  id: string;
  on_finish: string | null;
  on_success: string | null;
  on_discard: string | null;
  callback_queue_name: string | null;
  callback_priority: number | null;
  enqueued_at: string | null;
  discarded_at: string | null;
  finished_at: string | null;
  jobs_finished_at: string | null;
};

/** How the batch was continued after its jobs: what GoodJob's worker would have written. */
export type FinishResult =
  | {
      outcome: 'done';
      /** The batch is marked discarded (by this step or before). */
      discarded: boolean;
      /** The callback jobs this step enqueued, in GoodJob's order. */
      callbacks: CallbackEvent[];
      /** Unfinished jobs left (held by workers): GoodJob's worker finishes the batch after the last of them. */
      open: number;
      /** The batch is finished (finished_at): its jobs and callback jobs all are. */
      finished: boolean;
    }
  | { outcome: 'not_found' | 'locked' | 'busy' | 'unavailable' }
  | NeedsSetting
  /** Anything else that went wrong: nothing of the finish was written (the jobs of this step were). */
  | { outcome: 'error'; error: unknown };

export type DiscardBatchStep =
  | { outcome: 'not_found' | 'wrong_state' }
  | NeedsSetting
  /** `next`: where the next step starts; `total`: the unfinished jobs when the run began (first step only). */
  | { outcome: 'step'; tally: Tally; next: Cursor; total: number | null }
  | { outcome: 'last'; tally: Tally; finish: FinishResult; total: number | null };

async function readBatch(db: Pick<Db, 'execute'>, id: string, lock: boolean, caps: Capabilities): Promise<(BatchFields & { now: string }) | null> {
  const { rows } = await db.execute<BatchFields & { now: string }>(sql`
    SELECT id, on_finish, on_success, on_discard, callback_queue_name, callback_priority, enqueued_at, discarded_at, finished_at,
           ${caps.hasJobsFinishedAt ? sql`jobs_finished_at` : sql`NULL::timestamp`} AS jobs_finished_at,
           (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(6)::text AS now
    FROM good_job_batches WHERE id = ${id} ${lock ? sql`FOR NO KEY UPDATE` : sql``}`);
  return rows[0] ?? null;
}

const unfinishedCount = async (db: Pick<Db, 'execute'>, batchId: string, cap: number) =>
  (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM good_jobs WHERE batch_id = ${batchId} AND finished_at IS NULL LIMIT ${cap}) x`)).rows[0]!.n;

/** The callbacks a run will enqueue when it discards jobs and the batch then finishes: planned before any change. */
const expectedEvents = (batch: BatchFields): CallbackEvent[] => [...(batch.on_discard ? (['discard'] as const) : []), ...(batch.on_finish ? (['finish'] as const) : [])];

/** One step of Discard batch: the next page of the batch's unfinished jobs after `after`, then, past the last, the finish. */
export async function discardBatchStep(db: Db, batchId: string, after: Cursor | null, size = STEP_SIZE): Promise<DiscardBatchStep> {
  const caps = await getCapabilities(db);
  const batch = await readBatch(db, batchId, false, caps);
  if (!batch) return { outcome: 'not_found' };
  if (batch.finished_at !== null) return { outcome: 'wrong_state' };
  // Everything a callback job needs is known before the first job is discarded; what is missing refuses the run.
  // (The finish plans again for what it enqueues, in its own transaction.)
  if (after === null) {
    const plan = await planCallbacks(db, batch, expectedEvents(batch));
    if ('outcome' in plan) return plan;
  }
  const total = after === null ? await unfinishedCount(db, batchId, COUNT_CAP) : null;
  const { rows: page } = await db.execute<{ id: string; created_at: string }>(sql`
    SELECT id, created_at FROM good_jobs
    WHERE batch_id = ${batchId} AND finished_at IS NULL
      ${after ? sql`AND (created_at, id) > (${after.at}::timestamp, ${after.id}::uuid)` : sql``}
    ORDER BY created_at, id LIMIT ${size}`);
  const tally = page.length === 0 ? EMPTY_TALLY : tallyOf(await actOnJobs(db, page.map((j) => j.id), 'discard'));
  if (page.length === size) {
    const last = page[page.length - 1]!;
    return { outcome: 'step', tally, next: { at: last.created_at, id: last.id }, total };
  }
  return { outcome: 'last', tally, finish: await finishDiscardedBatch(db, batchId, caps), total };
}

/** BatchRecord#_continue_discard_or_finish for a batch whose jobs a dashboard discarded. Never throws. */
export async function finishDiscardedBatch(db: Db, batchId: string, caps: Capabilities): Promise<FinishResult> {
  try {
    return await db.transaction(async (tx): Promise<FinishResult> => {
      await tx.execute(sql`SELECT set_config('lock_timeout', ${batchLockTimeout()}, true)`);
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKeySql(batchLockKey(batchId))})`);
      const batch = await readBatch(tx, batchId, true, caps);
      if (!batch) return { outcome: 'not_found' };
      const now = batch.now;
      const { rows: facts } = await tx.execute<{ discarded_here: boolean; open: number }>(sql`
        SELECT EXISTS (SELECT 1 FROM good_jobs WHERE batch_id = ${batchId} AND finished_at IS NOT NULL AND error_event = 5
                         AND error IN (${DISCARD_MESSAGE}, ${FORCE_DISCARD_MESSAGE})) AS discarded_here,
               (SELECT count(*)::int FROM (SELECT 1 FROM good_jobs WHERE batch_id = ${batchId} AND finished_at IS NULL LIMIT ${COUNT_CAP}) x) AS open`);
      const { discarded_here: discardedHere, open } = facts[0]!;
      const markDiscarded = discardedHere && batch.discarded_at === null;
      const discarded = batch.discarded_at !== null || markDiscarded;
      const jobsFinished = caps.hasJobsFinishedAt ? batch.jobs_finished_at : batch.finished_at;
      const finishJobs = batch.enqueued_at !== null && jobsFinished === null && open === 0;
      const events: CallbackEvent[] = [
        ...(markDiscarded && batch.on_discard ? (['discard'] as const) : []),
        ...(finishJobs && !discarded && batch.on_success ? (['success'] as const) : []),
        ...(finishJobs && batch.on_finish ? (['finish'] as const) : []),
      ];
      const plan = await planCallbacks(tx, batch, events);
      if ('outcome' in plan) return plan;
      const enqueue = (event: CallbackEvent) => insertCallback(tx, batch, callbackClass(batch, event)!, event, plan, randomUUID());

      if (markDiscarded) {
        await tx.execute(sql`UPDATE good_job_batches SET discarded_at = ${now}::timestamp, updated_at = ${now}::timestamp WHERE id = ${batchId}`);
        if (events.includes('discard')) await enqueue('discard');
      }
      if (finishJobs) {
        const column = caps.hasJobsFinishedAt ? sql`jobs_finished_at` : sql`finished_at`;
        await tx.execute(sql`UPDATE good_job_batches SET ${column} = ${now}::timestamp, updated_at = ${now}::timestamp WHERE id = ${batchId}`);
        if (events.includes('success')) await enqueue('success');
        if (events.includes('finish')) await enqueue('finish');
      }
      // Without jobs_finished_at (before v4.3), finishing the jobs is finishing the batch.
      let finished = !caps.hasJobsFinishedAt && finishJobs;
      if (caps.hasJobsFinishedAt && batch.finished_at === null && (jobsFinished !== null || finishJobs)) {
        const { rows: callbacksOpen } = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM good_jobs WHERE batch_callback_id = ${batchId} AND finished_at IS NULL LIMIT 1) x`);
        if (callbacksOpen[0]!.n === 0) {
          await tx.execute(sql`UPDATE good_job_batches SET finished_at = ${now}::timestamp, updated_at = ${now}::timestamp WHERE id = ${batchId}`);
          finished = true;
        }
      }
      return { outcome: 'done', discarded, callbacks: events, open, finished };
    });
  } catch (error) {
    if (isLockNotAvailable(error)) return { outcome: 'locked' };
    if (isDatabaseUnavailable(error)) return { outcome: 'unavailable' };
    if (isDatabaseBusy(error)) return { outcome: 'busy' };
    return { outcome: 'error', error };
  }
}

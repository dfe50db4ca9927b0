// Discard batch (GoodJob issue #919): every unfinished batched job discarded as GoodJob::Job#discard_job does, then
// the batch finished as GoodJob's worker would have, had it discarded them itself (BatchRecord#_continue_discard_or_finish,
// v4.19.2), under the batch's advisory lock. GoodJob's own dashboard discards never reach that step (it runs only after a
// worker performs a job): a batch whose jobs were all discarded there never finishes and never calls back.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getCapabilities } from '../db/capabilities';
import type { Db } from '../db/client';
import { batchLockKey } from '../domain/advisory-lock';
import { callbackRow, globalIdApp, type CallbackEvent, type CallbackRow, type CallbackTemplate } from '../domain/batch-callback';
import { isLockNotAvailable, lockKeySql } from './lock';
import { discardJob, notifyQueued } from './job-commands';

const BATCH_LOCK_TIMEOUT = process.env.DASHBOARD_BATCH_LOCK_TIMEOUT ?? '3s';
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DiscardBatchResult =
  | { outcome: 'done'; discarded: number; skipped: number; callbacks: CallbackEvent[] }
  | { outcome: 'not_found' | 'wrong_state' | 'locked' }
  /** What the dashboard cannot know to write a callback job GoodJob's worker would run. */
  | { outcome: 'needs_setting'; setting: 'GOOD_JOB_GLOBALID_APP' | 'callback_queue_name'; jobClass?: string };

type BatchFields = {
  id: string;
  on_finish: string | null;
  on_discard: string | null;
  callback_queue_name: string | null;
  callback_priority: number | null;
  enqueued_at: string | null;
  discarded_at: string | null;
  finished_at: string | null;
  jobs_finished_at: string | null;
};

async function readBatch(db: Pick<Db, 'execute'>, id: string, lock: boolean, hasJobsFinishedAt: boolean): Promise<(BatchFields & { now: string }) | null> {
  const { rows } = await db.execute<BatchFields & { now: string }>(sql`
    SELECT id, on_finish, on_discard, callback_queue_name, callback_priority, enqueued_at, discarded_at, finished_at,
           ${hasJobsFinishedAt ? sql`jobs_finished_at` : sql`NULL::timestamp`} AS jobs_finished_at,
           (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(6)::text AS now
    FROM good_job_batches WHERE id = ${id} ${lock ? sql`FOR NO KEY UPDATE` : sql``}`);
  return rows[0] ?? null;
}

/** The newest earlier callback job of the class (any batch), else the newest of the batch's own jobs. */
async function templateFor(db: Pick<Db, 'execute'>, jobClass: string, batchId: string): Promise<CallbackTemplate | null> {
  const columns = sql`j.queue_name, j.priority, j.concurrency_key, j.labels, j.is_discrete, j.serialized_params`;
  // Preferably one whose batch left queue and priority to the class: those show the class's own.
  const same = await db.execute<CallbackTemplate & Record<string, unknown>>(sql`
    SELECT ${columns}, b.callback_queue_name IS NOT NULL AS queue_set, b.callback_priority IS NOT NULL AS priority_set
    FROM good_jobs j LEFT JOIN good_job_batches b ON b.id = j.batch_callback_id
    WHERE j.batch_callback_id IS NOT NULL AND j.job_class = ${jobClass}
    ORDER BY (b.callback_queue_name IS NULL AND b.callback_priority IS NULL) DESC, j.created_at DESC LIMIT 1`);
  if (same.rows[0]) return same.rows[0];
  const own = await db.execute<CallbackTemplate & Record<string, unknown>>(sql`
    SELECT ${columns}, false AS queue_set, false AS priority_set FROM good_jobs j WHERE j.batch_id = ${batchId} ORDER BY j.created_at DESC LIMIT 1`);
  return own.rows[0] ?? null;
}

/** The GlobalID app: from this batch's callback jobs, else the newest callback job, else GOOD_JOB_GLOBALID_APP. */
async function globalIdAppFor(db: Pick<Db, 'execute'>, batchId: string): Promise<string | null> {
  const { rows } = await db.execute<{ serialized_params: unknown }>(sql`
    (SELECT serialized_params FROM good_jobs WHERE batch_callback_id = ${batchId} ORDER BY created_at DESC LIMIT 1)
    UNION ALL
    (SELECT serialized_params FROM good_jobs WHERE batch_callback_id IS NOT NULL ORDER BY created_at DESC LIMIT 1)`);
  for (const row of rows) {
    const app = globalIdApp(row.serialized_params);
    if (app) return app;
  }
  return process.env.GOOD_JOB_GLOBALID_APP?.trim() || null;
}

type Plan = { app: string; templates: Partial<Record<CallbackEvent, CallbackTemplate | null>> };

/** Everything a callback job needs, found before anything changes; what is missing refuses the whole action. */
async function planCallbacks(db: Db, batch: BatchFields): Promise<Plan | Extract<DiscardBatchResult, { outcome: 'needs_setting' }>> {
  const classes: [CallbackEvent, string | null][] = [
    ['discard', batch.on_discard],
    ['finish', batch.on_finish],
  ];
  const wanted = classes.filter((c): c is [CallbackEvent, string] => !!c[1]);
  if (wanted.length === 0) return { app: '', templates: {} };
  const app = await globalIdAppFor(db, batch.id);
  if (app === null) return { outcome: 'needs_setting', setting: 'GOOD_JOB_GLOBALID_APP' };
  const templates: Plan['templates'] = {};
  for (const [event, jobClass] of wanted) {
    templates[event] = await templateFor(db, jobClass, batch.id);
    const probe = callbackRow(batch, jobClass, event, templates[event] ?? null, app, '00000000-0000-4000-8000-000000000000', '2000-01-01 00:00:00');
    if ('missing' in probe) return { outcome: 'needs_setting', setting: 'callback_queue_name', jobClass };
  }
  return { app, templates };
}

async function insertCallback(tx: Tx, batchId: string, jobClass: string, row: CallbackRow, id: string, now: string) {
  await tx.execute(sql`
    INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at, created_at, updated_at,
                           concurrency_key, batch_callback_id, job_class, labels, executions_count, is_discrete)
    VALUES (${id}, ${id}, ${row.queue_name}, ${row.priority}, ${JSON.stringify(row.serialized_params)}::jsonb, ${now}::timestamp,
            ${now}::timestamp, ${now}::timestamp, ${row.concurrency_key}, ${batchId}, ${jobClass},
            ${row.labels === null ? null : sql`${row.labels}::text[]`}, 0, ${row.is_discrete})`);
  await notifyQueued(tx, [row.queue_name], now);
}

export async function discardBatch(db: Db, batchId: string): Promise<DiscardBatchResult> {
  const caps = await getCapabilities(db);
  const before = await readBatch(db, batchId, false, caps.hasJobsFinishedAt);
  if (!before) return { outcome: 'not_found' };
  if (before.finished_at !== null) return { outcome: 'wrong_state' };
  const plan = await planCallbacks(db, before);
  if ('outcome' in plan) return plan;

  // 1. Each unfinished batched job, exactly as a discard from the jobs list: its own lock, its own transaction.
  const { rows: unfinished } = await db.execute<{ id: string }>(sql`SELECT id FROM good_jobs WHERE batch_id = ${batchId} AND finished_at IS NULL ORDER BY created_at, id`);
  let discarded = 0;
  let skipped = 0;
  for (const { id } of unfinished) {
    const outcome = await discardJob(db, id);
    if (outcome === 'done') discarded += 1;
    else if (outcome === 'locked' || outcome === 'wrong_state') skipped += 1;
  }

  // 2. The batch, as GoodJob's worker continues it after a discarded job, under the batch's lock.
  try {
    return await db.transaction(async (tx): Promise<DiscardBatchResult> => {
      await tx.execute(sql`SELECT set_config('lock_timeout', ${BATCH_LOCK_TIMEOUT}, true)`);
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKeySql(batchLockKey(batchId))})`);
      const batch = await readBatch(tx, batchId, true, caps.hasJobsFinishedAt);
      if (!batch) return { outcome: 'not_found' };
      const now = batch.now;
      const callbacks: CallbackEvent[] = [];
      const enqueue = async (event: CallbackEvent, jobClass: string) => {
        const row = callbackRow(batch, jobClass, event, plan.templates[event] ?? null, plan.app, randomUUID(), now);
        if ('missing' in row) throw new Error('callback planned but not writable');
        await insertCallback(tx, batchId, jobClass, row, row.serialized_params.job_id as string, now);
        callbacks.push(event);
      };
      if (discarded > 0 && batch.discarded_at === null) {
        await tx.execute(sql`UPDATE good_job_batches SET discarded_at = ${now}::timestamp, updated_at = ${now}::timestamp WHERE id = ${batchId}`);
        if (batch.on_discard) await enqueue('discard', batch.on_discard);
      }
      const jobsFinished = caps.hasJobsFinishedAt ? batch.jobs_finished_at : batch.finished_at;
      const { rows: open } = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM good_jobs WHERE batch_id = ${batchId} AND finished_at IS NULL LIMIT 1) x`);
      if (batch.enqueued_at !== null && jobsFinished === null && open[0]!.n === 0) {
        const column = caps.hasJobsFinishedAt ? sql`jobs_finished_at` : sql`finished_at`;
        await tx.execute(sql`UPDATE good_job_batches SET ${column} = ${now}::timestamp, updated_at = ${now}::timestamp WHERE id = ${batchId}`);
        // on_success only for a batch that was not discarded: this one was, so GoodJob would enqueue only on_finish.
        if (batch.on_finish) await enqueue('finish', batch.on_finish);
        if (caps.hasJobsFinishedAt) {
          const { rows: callbacksOpen } = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM good_jobs WHERE batch_callback_id = ${batchId} AND finished_at IS NULL LIMIT 1) x`);
          if (callbacksOpen[0]!.n === 0) await tx.execute(sql`UPDATE good_job_batches SET finished_at = ${now}::timestamp, updated_at = ${now}::timestamp WHERE id = ${batchId}`);
        }
      }
      return { outcome: 'done', discarded, skipped, callbacks };
    });
  } catch (error) {
    if (isLockNotAvailable(error)) return { outcome: 'locked' };
    throw error;
  }
}

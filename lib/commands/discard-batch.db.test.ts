import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { batchLockKey, jobLockKey } from '../domain/advisory-lock';
import type { Cursor } from '../domain/cursor';
import { addTally, EMPTY_TALLY, type Tally } from '../domain/job-run';
import { ROOT, type ScratchDb } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { discardBatchStep, type DiscardBatchStep, type FinishResult } from './discard-batch';
import { DISCARD_MESSAGE } from './job-set';
import { lockKeySql } from '../db/lock-key';

type Row = Record<string, unknown>;
const CALLBACK = 'ExampleJob::BatchJob::CallbackJob';
const recorded = (name: string) => JSON.parse(readFileSync(join(ROOT, 'e2e/fixtures/goodjob-callbacks', name), 'utf8')) as Row[];

/** Takes GoodJob's advisory lock for a row key in another session (a worker running the job, or finishing the batch). */
async function holdLock(session: pg.Client, key: string) {
  const query = new PgDialect().sqlToQuery(sql`SELECT pg_advisory_lock(${lockKeySql(key)})`);
  await session.query(query.sql, query.params);
}

type Run = { tally: Tally; steps: number; finish: FinishResult | null; stopped: Exclude<DiscardBatchStep, { outcome: 'step' | 'last' }> | null };

/** Discard batch as the page drives it: steps until the last one (or one that stops the run). */
async function runDiscard(db: Db, batchId: string, size?: number, from: Cursor | null = null): Promise<Run> {
  let tally = EMPTY_TALLY;
  let after = from;
  for (let steps = 1; ; steps += 1) {
    const step = await discardBatchStep(db, batchId, after, size);
    if (step.outcome === 'step') {
      tally = addTally(tally, step.tally);
      after = step.next;
    } else if (step.outcome === 'last') {
      return { tally: addTally(tally, step.tally), steps, finish: step.finish, stopped: null };
    } else {
      return { tally, steps, finish: null, stopped: step };
    }
  }
}

/** Rows of a GoodJob table put back as recorded (every column), optionally under new ids. */
async function restore(s: ScratchDb, table: 'good_jobs' | 'good_job_batches', rows: Row[]) {
  for (const row of rows) await s.pool.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_record(NULL::${table}, $1::jsonb)`, [JSON.stringify(row)]);
}

/** A recorded batch and its jobs as a twin with fresh ids: GoodJob's rows, shape for shape, for another run. */
function twin(batch: Row, jobs: Row[]): { batch: Row; jobs: Row[] } {
  const batchId = randomUUID();
  return {
    batch: { ...batch, id: batchId },
    jobs: jobs.map((job) => {
      const id = randomUUID();
      return { ...job, id, active_job_id: id, batch_id: batchId, serialized_params: { ...(job.serialized_params as Row), job_id: id } };
    }),
  };
}

/**
 * Our callback row against the one GoodJob's worker wrote for the same batch shape: every column the same but the
 * row's own identity and times (ids, created/scheduled/updated at) and the batch it belongs to; serialized_params key
 * for key but its job id and enqueued_at.
 */
function differences(ours: Row, theirs: Row, batchId: string): string[] {
  const own = new Set(['id', 'active_job_id', 'created_at', 'updated_at', 'scheduled_at', 'batch_callback_id', 'serialized_params']);
  const out: string[] = [];
  for (const [column, value] of Object.entries(theirs)) if (!own.has(column) && JSON.stringify(ours[column]) !== JSON.stringify(value)) out.push(`${column}: ${JSON.stringify(ours[column])} ≠ ${JSON.stringify(value)}`);
  if (ours.batch_callback_id !== batchId) out.push('batch_callback_id');
  if (ours.scheduled_at !== ours.created_at) out.push('scheduled_at ≠ created_at');
  const p = ours.serialized_params as Row;
  const q = theirs.serialized_params as Row;
  if (JSON.stringify(Object.keys(p).sort()) !== JSON.stringify(Object.keys(q).sort())) out.push(`serialized_params keys: ${Object.keys(p).sort()} ≠ ${Object.keys(q).sort()}`);
  for (const key of Object.keys(q)) if (!['job_id', 'enqueued_at', 'arguments'].includes(key) && JSON.stringify(p[key]) !== JSON.stringify(q[key])) out.push(`serialized_params.${key}: ${JSON.stringify(p[key])} ≠ ${JSON.stringify(q[key])}`);
  if (p.job_id !== ours.id) out.push('serialized_params.job_id ≠ id');
  const theirArgs = q.arguments as Row[];
  const expectedArgs = [{ _aj_globalid: String(theirArgs[0]!._aj_globalid).replace(/[0-9a-f-]{36}$/, batchId) }, theirArgs[1]];
  if (JSON.stringify(p.arguments) !== JSON.stringify(expectedArgs)) out.push(`serialized_params.arguments: ${JSON.stringify(p.arguments)}`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(String(p.enqueued_at))) out.push(`enqueued_at ${String(p.enqueued_at)}`);
  return out;
}

const eventOf = (row: Row) => (((row.serialized_params as Row).arguments as Row[])[1]!.event as Row).value;

describe('Discard batch compared with the callback jobs GoodJob’s own worker enqueued (goodjob-callbacks/)', () => {
  const s = scratchDbForSuite({ schema: 'current' });
  afterEach(() => {
    delete process.env.GOOD_JOB_CALLBACK_QUEUES;
    delete process.env.GOOD_JOB_GLOBALID_APP;
  });
  const rows = async (query: string, params: unknown[]) => (await s.pool.query(`SELECT to_jsonb(t) AS row FROM (${query}) t`, params)).rows.map((r) => r.row as Row);
  const callbacksOf = (batchId: string) => rows(`SELECT * FROM good_jobs WHERE batch_callback_id = $1 ORDER BY created_at, id`, [batchId]);
  const batchOf = async (batchId: string) => (await rows(`SELECT * FROM good_job_batches WHERE id = $1`, [batchId]))[0]!;

  it('labelled jobs, a callback class never seen: refused, naming the setting, and nothing changes', async () => {
    const { batch, jobs } = twin(recorded('A-before-batch.json')[0]!, recorded('A-before-jobs.json'));
    await restore(s, 'good_job_batches', [batch]);
    await restore(s, 'good_jobs', jobs);
    process.env.GOOD_JOB_GLOBALID_APP = 'goodjob-anchor';
    const run = await runDiscard(s.db, batch.id as string);
    expect(run.stopped).toEqual({ outcome: 'needs_setting', setting: 'GOOD_JOB_CALLBACK_QUEUES', jobClass: 'PlainCallbackJob' });
    expect(await rows(`SELECT finished_at, error FROM good_jobs WHERE batch_id = $1`, [batch.id])).toEqual(jobs.map(() => ({ finished_at: null, error: null })));
    expect(await batchOf(batch.id as string)).toEqual(batch);
  });

  it('with the class’s queue named: both callbacks as GoodJob wrote them (A: plain class; labels and key not copied)', async () => {
    const recordedBatch = recorded('A-before-batch.json')[0]!;
    await restore(s, 'good_job_batches', [recordedBatch]);
    await restore(s, 'good_jobs', recorded('A-before-jobs.json'));
    const batchId = recordedBatch.id as string;
    process.env.GOOD_JOB_GLOBALID_APP = 'goodjob-anchor';
    process.env.GOOD_JOB_CALLBACK_QUEUES = 'PlainCallbackJob=batch_callbacks';
    const run = await runDiscard(s.db, batchId);
    expect(run.tally).toEqual({ done: 2, held: 0, changed: 0, gone: 0 });
    expect(run.finish).toEqual({ outcome: 'done', discarded: true, callbacks: ['discard', 'finish'], open: 0, finished: false });
    const ours = await callbacksOf(batchId);
    const theirs = recorded('A-after-callbacks.json');
    expect(ours.map(eventOf)).toEqual(theirs.map(eventOf));
    for (const [i, row] of ours.entries()) expect(differences(row, theirs[i]!, batchId)).toEqual([]);
    // The batch as GoodJob's worker left it: discarded, its jobs finished, itself not until the callbacks have run.
    const batch = await batchOf(batchId);
    const gj = recorded('A-after-batch.json')[0]!;
    for (const column of ['discarded_at', 'jobs_finished_at', 'finished_at'] as const) expect(batch[column] === null, column).toBe(gj[column] === null);
  });

  it('an earlier callback job of the class gives its queue, priority, concurrency key and labels (B: 0 differences)', async () => {
    // GoodJob's batch B as its workers left it: the callback jobs of ConcurrencyCallbackJob are now history.
    await restore(s, 'good_job_batches', recorded('B-finished-batch.json'));
    await restore(s, 'good_jobs', [...recorded('B-after-jobs.json'), ...recorded('B-finished-callbacks.json')]);
    const { batch, jobs } = twin(recorded('B-before-batch.json')[0]!, recorded('B-before-jobs.json'));
    await restore(s, 'good_job_batches', [batch]);
    await restore(s, 'good_jobs', jobs);
    const run = await runDiscard(s.db, batch.id as string);
    expect(run.finish).toMatchObject({ outcome: 'done', discarded: true, callbacks: ['discard', 'finish'] });
    const ours = await callbacksOf(batch.id as string);
    const theirs = recorded('B-after-callbacks.json');
    expect(ours.map(eventOf)).toEqual(['discard', 'finish']);
    for (const [i, row] of ours.entries()) expect(differences(row, theirs[i]!, batch.id as string)).toEqual([]);
  });

  it('the batch’s own callback queue and priority (C: 0 differences, no setting needed but the GlobalID app)', async () => {
    const recordedBatch = recorded('C-before-batch.json')[0]!;
    await restore(s, 'good_job_batches', [recordedBatch]);
    await restore(s, 'good_jobs', recorded('C-before-jobs.json'));
    process.env.GOOD_JOB_GLOBALID_APP = 'goodjob-anchor';
    const run = await runDiscard(s.db, recordedBatch.id as string);
    expect(run.finish).toMatchObject({ outcome: 'done', discarded: true, callbacks: ['finish'] });
    const [finish, ...rest] = await callbacksOf(recordedBatch.id as string);
    expect(rest).toEqual([]);
    expect(differences(finish!, recorded('C-after-callbacks.json')[0]!, recordedBatch.id as string)).toEqual([]);
  });

  it('a class with GoodJob’s extensions never seen before: the configured queue and priority, no key or labels of the batched jobs', async () => {
    const { batch, jobs } = twin(recorded('B-before-batch.json')[0]!, recorded('B-before-jobs.json'));
    await s.pool.query(`DELETE FROM good_jobs WHERE job_class = 'ConcurrencyCallbackJob'`);
    await restore(s, 'good_job_batches', [{ ...batch, on_discard: 'FreshCallbackJob', on_finish: 'FreshCallbackJob' }]);
    await restore(s, 'good_jobs', jobs);
    process.env.GOOD_JOB_CALLBACK_QUEUES = 'FreshCallbackJob=batch_callbacks:3';
    await runDiscard(s.db, batch.id as string);
    const ours = await callbacksOf(batch.id as string);
    expect(ours).toHaveLength(2);
    for (const row of ours) {
      expect(row).toMatchObject({ job_class: 'FreshCallbackJob', queue_name: 'batch_callbacks', priority: 3, concurrency_key: null, labels: null, executions_count: null, batch_id: null });
      expect((row.serialized_params as Row).priority).toBe(3);
    }
  });
});

describe("Discard batch on GoodJob's own database (goodjob-real.sql)", () => {
  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });

  const batchRow = async (id: string) => (await s.pool.query(`SELECT to_jsonb(b) AS row FROM good_job_batches b WHERE id = $1`, [id])).rows[0].row as Row;
  const callbacks = async (id: string) => (await s.pool.query(`SELECT to_jsonb(j) AS row FROM good_jobs j WHERE batch_callback_id = $1 ORDER BY created_at`, [id])).rows.map((r) => r.row as Row);
  const unfinished = async (ids: string[]) => (await s.pool.query(`SELECT id FROM good_jobs WHERE id = ANY($1) AND finished_at IS NULL ORDER BY id`, [ids])).rows.map((r) => r.id as string);
  /** GoodJob's own callback row for that event (the fixture's worker wrote it). */
  const goodJobsCallback = async (event: string, queue: string) =>
    (await s.pool.query(`SELECT to_jsonb(j) AS row FROM good_jobs j WHERE batch_callback_id IS NOT NULL AND job_class = $1 AND queue_name = $2 AND serialized_params->'arguments'->1->'event'->>'value' = $3 ORDER BY created_at DESC LIMIT 1`, [CALLBACK, queue, event])).rows[0]?.row as Row | undefined;

  /** A new batch shaped like the fixture's, with jobs waiting in the future (nothing a worker would pick now). */
  async function makeBatch(callbacks: { on_finish?: string; on_discard?: string; queue?: string; priority?: number }, jobs: number, labels: string[] | null = null): Promise<{ batchId: string; jobIds: string[] }> {
    const batchId = randomUUID();
    await s.pool.query(
      `INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, on_finish, on_discard, callback_queue_name, callback_priority, enqueued_at)
       VALUES ($1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', 'discard me', '{}', $2, $3, $4, $5, now() AT TIME ZONE 'UTC')`,
      [batchId, callbacks.on_finish ?? null, callbacks.on_discard ?? null, callbacks.queue ?? null, callbacks.priority ?? null],
    );
    const jobIds: string[] = [];
    for (let i = 0; i < jobs; i += 1) {
      const id = randomUUID();
      jobIds.push(id);
      await s.pool.query(
        `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, batch_id, job_class, labels, concurrency_key)
         VALUES ($1::uuid, $1::uuid, 'backlog', 0, jsonb_build_object('job_id', $1::text, 'job_class', 'ExampleJob', 'arguments', '[]'::jsonb), now() AT TIME ZONE 'UTC' + $4::int * interval '1 microsecond', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' + interval '1 day', $2, 'ExampleJob', $3, 'batched-key')`,
        [id, batchId, labels, i],
      );
    }
    return { batchId, jobIds };
  }

  it('discards every unfinished job in steps, then finishes the batch and enqueues on_finish, as GoodJob’s callback', async () => {
    const { batchId, jobIds } = await makeBatch({ on_finish: CALLBACK }, 7, ['held', 'q']);
    const run = await runDiscard(s.db, batchId, 3);
    expect(run.steps).toBe(3);
    expect(run.tally).toEqual({ done: 7, held: 0, changed: 0, gone: 0 });
    expect(run.finish).toEqual({ outcome: 'done', discarded: true, callbacks: ['finish'], open: 0, finished: false });
    const { rows: jobs } = await s.pool.query(`SELECT error, error_event, finished_at, performed_at FROM good_jobs WHERE id = ANY($1)`, [jobIds]);
    for (const job of jobs) expect(job).toMatchObject({ error: DISCARD_MESSAGE, error_event: 5, performed_at: null });
    const batch = await batchRow(batchId);
    expect(batch.discarded_at).not.toBeNull();
    expect(batch.jobs_finished_at).toBe(batch.discarded_at);
    // The on_finish job is still to run: the batch is finished only when it has (the worker does that).
    expect(batch.finished_at).toBeNull();
    const [finish, ...more] = await callbacks(batchId);
    expect(more).toEqual([]);
    expect(differences(finish!, (await goodJobsCallback('finish', 'default'))!, batchId)).toEqual([]);
    // The batched jobs' labels and concurrency key are theirs, not the callback's.
    expect(finish).toMatchObject({ labels: null, concurrency_key: CALLBACK, queue_name: 'default' });
  });

  it('the first step counts the batch’s unfinished jobs, later ones do not count again', async () => {
    const { batchId } = await makeBatch({}, 5);
    const first = await discardBatchStep(s.db, batchId, null, 2);
    expect(first).toMatchObject({ outcome: 'step', total: 5, tally: { done: 2 } });
    const second = await discardBatchStep(s.db, batchId, (first as { next: Cursor }).next, 2);
    expect(second).toMatchObject({ outcome: 'step', total: null, tally: { done: 2 } });
  });

  it('with on_discard, a callback queue and priority: the discard callback first, then finish, both on that queue', async () => {
    const { batchId } = await makeBatch({ on_finish: CALLBACK, on_discard: CALLBACK, queue: 'callbacks', priority: 7 }, 1);
    const run = await runDiscard(s.db, batchId);
    expect(run.finish).toMatchObject({ outcome: 'done', callbacks: ['discard', 'finish'] });
    const rows = await callbacks(batchId);
    expect(rows.map(eventOf)).toEqual(['discard', 'finish']);
    for (const row of rows) expect(row).toMatchObject({ queue_name: 'callbacks', priority: 7 });
  });

  it('a job a worker holds is skipped and counted; the batch is discarded and its worker finishes it later', async () => {
    const { batchId, jobIds } = await makeBatch({ on_finish: CALLBACK, on_discard: CALLBACK }, 2);
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    try {
      // The worker's session lock on the job, as GoodJob takes it while it runs the job.
      await holdLock(worker, jobLockKey(jobIds[0]!));
      const run = await runDiscard(s.db, batchId);
      expect(run.tally).toEqual({ done: 1, held: 1, changed: 0, gone: 0 });
      expect(run.finish).toEqual({ outcome: 'done', discarded: true, callbacks: ['discard'], open: 1, finished: false });
    } finally {
      await worker.end();
    }
    const batch = await batchRow(batchId);
    expect(batch.discarded_at).not.toBeNull();
    expect(batch.jobs_finished_at).toBeNull();
    expect((await callbacks(batchId)).map(eventOf)).toEqual(['discard']);
    expect(await unfinished(jobIds)).toEqual([jobIds[0]]);
  });

  it('every job held by workers: nothing discarded, the batch left as it was, no callback', async () => {
    const { batchId, jobIds } = await makeBatch({ on_finish: CALLBACK, on_discard: CALLBACK }, 2);
    const before = await batchRow(batchId);
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    try {
      for (const id of jobIds) await holdLock(worker, jobLockKey(id));
      const run = await runDiscard(s.db, batchId);
      expect(run.tally).toEqual({ done: 0, held: 2, changed: 0, gone: 0 });
      expect(run.finish).toEqual({ outcome: 'done', discarded: false, callbacks: [], open: 2, finished: false });
    } finally {
      await worker.end();
    }
    expect(await batchRow(batchId)).toEqual(before);
    expect(await callbacks(batchId)).toEqual([]);
    expect(await unfinished(jobIds)).toEqual([...jobIds].sort());
  });

  it('a job a worker finishes between two steps leaves the set untouched, and the batch still finishes', async () => {
    const { batchId, jobIds } = await makeBatch({}, 3);
    // Between two steps a worker finishes one of the jobs still to come.
    const step = await discardBatchStep(s.db, batchId, null, 2);
    expect(step.outcome).toBe('step');
    await s.pool.query(`UPDATE good_jobs SET performed_at = now() AT TIME ZONE 'UTC', finished_at = now() AT TIME ZONE 'UTC' WHERE id = $1`, [jobIds[2]]);
    const rest = await runDiscard(s.db, batchId, 2, (step as { next: Cursor }).next);
    expect(rest.tally).toEqual({ done: 0, held: 0, changed: 0, gone: 0 });
    expect(rest.finish).toMatchObject({ outcome: 'done', discarded: true, open: 0, finished: true });
    const { rows } = await s.pool.query(`SELECT error FROM good_jobs WHERE id = $1`, [jobIds[2]]);
    expect(rows[0].error).toBeNull();
  });

  it('a job whose state changed between the page and its lock is counted as changed, not discarded', async () => {
    const { batchId, jobIds } = await makeBatch({}, 2);
    // The job starts running (performed) without a lock the dashboard can see: a started job is not discarded.
    await s.pool.query(`UPDATE good_jobs SET performed_at = now() AT TIME ZONE 'UTC' WHERE id = $1`, [jobIds[1]]);
    const run = await runDiscard(s.db, batchId);
    expect(run.tally).toEqual({ done: 1, held: 0, changed: 1, gone: 0 });
    expect(run.finish).toMatchObject({ outcome: 'done', discarded: true, open: 1 });
  });

  it('the batch lock busy at the end: the jobs stay discarded, the next try finishes the batch as discarded, with on_discard', async () => {
    const { batchId, jobIds } = await makeBatch({ on_discard: CALLBACK, on_finish: CALLBACK }, 2);
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    process.env.DASHBOARD_BATCH_LOCK_TIMEOUT = '200ms';
    try {
      await holdLock(worker, batchLockKey(batchId));
      const run = await runDiscard(s.db, batchId);
      expect(run.tally.done).toBe(2);
      expect(run.finish).toEqual({ outcome: 'locked' });
    } finally {
      delete process.env.DASHBOARD_BATCH_LOCK_TIMEOUT;
      await worker.end();
    }
    expect(await unfinished(jobIds)).toEqual([]);
    expect((await batchRow(batchId)).discarded_at).toBeNull();
    expect(await callbacks(batchId)).toEqual([]);
    // The next try: nothing left to discard; the jobs' own discard says the batch was discarded.
    const again = await runDiscard(s.db, batchId);
    expect(again.tally).toEqual(EMPTY_TALLY);
    expect(again.finish).toEqual({ outcome: 'done', discarded: true, callbacks: ['discard', 'finish'], open: 0, finished: false });
    const batch = await batchRow(batchId);
    expect(batch.discarded_at).not.toBeNull();
    expect(batch.jobs_finished_at).not.toBeNull();
  });

  it('a fault at step k: the steps before stay done, step k changes nothing, the batch is untouched; running again finishes it', async () => {
    const { batchId, jobIds } = await makeBatch({ on_finish: CALLBACK }, 5);
    const first = await discardBatchStep(s.db, batchId, null, 2);
    expect(first).toMatchObject({ outcome: 'step', tally: { done: 2 } });
    // Step 2 waits behind a table lock past its statement timeout.
    const pool = new pg.Pool({ connectionString: s.url, statement_timeout: 300 });
    pool.on('error', () => undefined);
    const locker = new pg.Client({ connectionString: s.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE good_jobs IN ACCESS EXCLUSIVE MODE');
      await expect(discardBatchStep(drizzle(pool, { schema }) as Db, batchId, (first as { next: Cursor }).next, 2)).rejects.toMatchObject({ cause: { code: '57014' } });
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
      await pool.end();
    }
    expect((await unfinished(jobIds)).length).toBe(3);
    const batch = await batchRow(batchId);
    expect(batch.discarded_at).toBeNull();
    expect(await callbacks(batchId)).toEqual([]);
    // Running it again from the start continues where it stopped.
    const again = await runDiscard(s.db, batchId, 2);
    expect(again.tally.done).toBe(3);
    expect(again.finish).toMatchObject({ outcome: 'done', discarded: true, callbacks: ['finish'] });
    expect(await unfinished(jobIds)).toEqual([]);
  });

  it('a batch without callbacks is finished at once; a finished or unknown batch changes nothing', async () => {
    const { batchId } = await makeBatch({}, 2);
    expect((await runDiscard(s.db, batchId)).finish).toEqual({ outcome: 'done', discarded: true, callbacks: [], open: 0, finished: true });
    const batch = await batchRow(batchId);
    expect(batch.discarded_at).not.toBeNull();
    expect(batch.finished_at).toBe(batch.jobs_finished_at);
    expect(await discardBatchStep(s.db, batchId, null)).toEqual({ outcome: 'wrong_state' });
    expect(await discardBatchStep(s.db, randomUUID(), null)).toEqual({ outcome: 'not_found' });
  });

  it('refuses, changing nothing, when no callback job says which GlobalID app the batch belongs to', async () => {
    const { batchId, jobIds } = await makeBatch({ on_finish: CALLBACK }, 1);
    await s.pool.query(`UPDATE good_jobs SET batch_callback_id = NULL WHERE batch_callback_id IS NOT NULL`);
    delete process.env.GOOD_JOB_GLOBALID_APP;
    expect(await discardBatchStep(s.db, batchId, null)).toEqual({ outcome: 'needs_setting', setting: 'GOOD_JOB_GLOBALID_APP' });
    expect(await unfinished(jobIds)).toEqual(jobIds);
    expect((await batchRow(batchId)).discarded_at).toBeNull();
    // Without an earlier callback job, the class's queue is unknown too: the batch's own jobs' queue is never used.
    process.env.GOOD_JOB_GLOBALID_APP = 'my-app';
    try {
      expect(await discardBatchStep(s.db, batchId, null)).toEqual({ outcome: 'needs_setting', setting: 'GOOD_JOB_CALLBACK_QUEUES', jobClass: CALLBACK });
      process.env.GOOD_JOB_CALLBACK_QUEUES = `${CALLBACK}=batch_callbacks`;
      expect((await runDiscard(s.db, batchId)).finish).toMatchObject({ outcome: 'done', callbacks: ['finish'] });
      const [finish] = await callbacks(batchId);
      expect(finish).toMatchObject({ queue_name: 'batch_callbacks', labels: null, concurrency_key: null });
      expect(((finish!.serialized_params as Row).arguments as Row[])[0]).toEqual({ _aj_globalid: `gid://my-app/GoodJob::Batch/${batchId}` });
    } finally {
      delete process.env.GOOD_JOB_GLOBALID_APP;
      delete process.env.GOOD_JOB_CALLBACK_QUEUES;
    }
  });
});

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockKeySql } from './lock';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { batchLockKey, jobLockKey } from '../domain/advisory-lock';
import { discardBatch } from './discard-batch';
import { DISCARD_MESSAGE } from './job-commands';

type Row = Record<string, unknown>;
const CALLBACK = 'ExampleJob::BatchJob::CallbackJob';

/** Takes GoodJob's advisory lock for a row key in another session (a worker running the job, or finishing the batch). */
async function holdLock(session: pg.Client, key: string) {
  const query = new PgDialect().sqlToQuery(sql`SELECT pg_advisory_lock(${lockKeySql(key)})`);
  await session.query(query.sql, query.params);
}

describe("Discard batch on GoodJob's own database (goodjob-real.sql)", () => {
  let s: ScratchDb;
  beforeAll(async () => {
    s = await createScratchDb({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });
  });
  afterAll(() => s?.drop());

  const batchRow = async (id: string) => (await s.pool.query(`SELECT to_jsonb(b) AS row FROM good_job_batches b WHERE id = $1`, [id])).rows[0].row as Row;
  const callbacks = async (id: string) => (await s.pool.query(`SELECT to_jsonb(j) AS row FROM good_jobs j WHERE batch_callback_id = $1 ORDER BY created_at`, [id])).rows.map((r) => r.row as Row);
  /** GoodJob's own callback row for that event (the fixture's worker wrote it). */
  const goodJobsCallback = async (event: string, queue: string) =>
    (await s.pool.query(`SELECT to_jsonb(j) AS row FROM good_jobs j WHERE batch_callback_id IS NOT NULL AND job_class = $1 AND queue_name = $2 AND serialized_params->'arguments'->1->'event'->>'value' = $3 ORDER BY created_at DESC LIMIT 1`, [CALLBACK, queue, event])).rows[0]?.row as Row | undefined;

  /** A new batch shaped like the fixture's, with jobs waiting in the future (nothing a worker would pick now). */
  async function makeBatch(callbacks: { on_finish?: string; on_discard?: string; queue?: string; priority?: number }, jobs: number): Promise<{ batchId: string; jobIds: string[] }> {
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
        `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, batch_id, job_class, executions_count)
         VALUES ($1, $1, 'default', 0, jsonb_build_object('job_id', $3::text, 'job_class', 'ExampleJob', 'arguments', '[]'::jsonb), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' + interval '1 day', $2, 'ExampleJob', 0)`,
        [id, batchId, id],
      );
    }
    return { batchId, jobIds };
  }

  /** A callback row compared with GoodJob's: the same columns, ids, times and the batch's own id aside. */
  function expectLikeGoodJobs(ours: Row, theirs: Row, batchId: string) {
    const skip = new Set(['id', 'active_job_id', 'created_at', 'updated_at', 'scheduled_at', 'performed_at', 'finished_at', 'batch_callback_id', 'serialized_params', 'executions_count', 'error', 'error_event', 'locked_by_id', 'locked_at']);
    for (const [column, value] of Object.entries(theirs)) if (!skip.has(column)) expect(ours[column], column).toEqual(value);
    expect(ours.batch_callback_id).toBe(batchId);
    expect(ours.batch_id).toBeNull();
    expect(ours.executions_count).toBe(0);
    expect(ours.finished_at).toBeNull();
    const p = ours.serialized_params as Row;
    const q = theirs.serialized_params as Row;
    expect(Object.keys(p)).toEqual(Object.keys(q));
    for (const key of Object.keys(q)) if (!['job_id', 'arguments', 'enqueued_at'].includes(key)) expect(p[key], key).toEqual(q[key]);
    expect(p.job_id).toBe(ours.id);
    expect(String(p.enqueued_at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const theirArgs = q.arguments as Row[];
    expect(p.arguments).toEqual([{ _aj_globalid: String(theirArgs[0]!._aj_globalid).replace(/[0-9a-f-]{36}$/, batchId) }, theirArgs[1]]);
  }

  it('discards every unfinished job as discard_job does, then finishes the batch and enqueues on_finish, shaped as GoodJob’s', async () => {
    const { batchId, jobIds } = await makeBatch({ on_finish: CALLBACK }, 2);
    const result = await discardBatch(s.db, batchId);
    expect(result).toEqual({ outcome: 'done', discarded: 2, skipped: 0, callbacks: ['finish'] });
    const { rows: jobs } = await s.pool.query(`SELECT error, error_event, finished_at, performed_at FROM good_jobs WHERE id = ANY($1)`, [jobIds]);
    for (const job of jobs) expect(job).toMatchObject({ error: DISCARD_MESSAGE, error_event: 5, performed_at: null });
    const batch = await batchRow(batchId);
    expect(batch.discarded_at).not.toBeNull();
    expect(batch.jobs_finished_at).toBe(batch.discarded_at);
    // The on_finish job is still to run: the batch is finished only when it has (the worker does that).
    expect(batch.finished_at).toBeNull();
    const [finish] = await callbacks(batchId);
    expectLikeGoodJobs(finish!, (await goodJobsCallback('finish', 'default'))!, batchId);
    expect(((finish!.serialized_params as Row).arguments as Row[])[1]).toEqual({ event: { value: 'finish', _aj_serialized: 'ActiveJob::Serializers::SymbolSerializer' }, _aj_symbol_keys: ['event'] });
  });

  it('with on_discard, a callback queue and priority: the discard callback first, then finish, both on that queue', async () => {
    const { batchId } = await makeBatch({ on_finish: CALLBACK, on_discard: CALLBACK, queue: 'callbacks', priority: 7 }, 1);
    const result = await discardBatch(s.db, batchId);
    expect(result).toEqual({ outcome: 'done', discarded: 1, skipped: 0, callbacks: ['discard', 'finish'] });
    const rows = await callbacks(batchId);
    expect(rows.map((r) => ((r.serialized_params as Row).arguments as Row[])[1])).toEqual([
      expect.objectContaining({ event: expect.objectContaining({ value: 'discard' }) }),
      expect.objectContaining({ event: expect.objectContaining({ value: 'finish' }) }),
    ]);
    for (const row of rows) expect(row).toMatchObject({ queue_name: 'callbacks', priority: 7 });
    const theirs = await goodJobsCallback('discard', 'callbacks');
    if (theirs) expectLikeGoodJobs(rows[0]!, theirs, batchId);
  });

  it('a job a worker holds is skipped and counted, and keeps the batch unfinished', async () => {
    const { batchId, jobIds } = await makeBatch({ on_finish: CALLBACK }, 2);
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    try {
      // The worker's session lock on the job, as GoodJob takes it while it runs the job.
      await holdLock(worker, jobLockKey(jobIds[0]!));
      const result = await discardBatch(s.db, batchId);
      expect(result).toEqual({ outcome: 'done', discarded: 1, skipped: 1, callbacks: [] });
    } finally {
      await worker.end();
    }
    const batch = await batchRow(batchId);
    expect(batch.discarded_at).not.toBeNull();
    expect(batch.jobs_finished_at).toBeNull();
    expect(batch.finished_at).toBeNull();
    expect(await callbacks(batchId)).toEqual([]);
    const { rows } = await s.pool.query(`SELECT finished_at FROM good_jobs WHERE id = $1`, [jobIds[0]]);
    expect(rows[0].finished_at).toBeNull();
  });

  it('a batch without callbacks is finished at once', async () => {
    const { batchId } = await makeBatch({}, 2);
    expect(await discardBatch(s.db, batchId)).toEqual({ outcome: 'done', discarded: 2, skipped: 0, callbacks: [] });
    const batch = await batchRow(batchId);
    expect(batch.discarded_at).not.toBeNull();
    expect(batch.jobs_finished_at).not.toBeNull();
    expect(batch.finished_at).toBe(batch.jobs_finished_at);
  });

  it('answers "busy" while a worker finishes the batch (its lock), and a finished or unknown batch changes nothing', async () => {
    const { batchId } = await makeBatch({}, 1);
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    try {
      await holdLock(worker, batchLockKey(batchId));
      expect((await discardBatch(s.db, batchId)).outcome).toBe('locked');
    } finally {
      await worker.end();
    }
    expect(await discardBatch(s.db, 'b11bdefc-eccb-471b-bd56-0a30b894e9bd')).toEqual({ outcome: 'wrong_state' });
    expect(await discardBatch(s.db, randomUUID())).toEqual({ outcome: 'not_found' });
  });

  it('refuses, changing nothing, when no callback job says which GlobalID app the batch belongs to', async () => {
    const { batchId, jobIds } = await makeBatch({ on_finish: CALLBACK }, 1);
    await s.pool.query(`UPDATE good_jobs SET batch_callback_id = NULL WHERE batch_callback_id IS NOT NULL`);
    delete process.env.GOOD_JOB_GLOBALID_APP;
    expect(await discardBatch(s.db, batchId)).toEqual({ outcome: 'needs_setting', setting: 'GOOD_JOB_GLOBALID_APP' });
    const { rows } = await s.pool.query(`SELECT finished_at FROM good_jobs WHERE id = $1`, [jobIds[0]]);
    expect(rows[0].finished_at).toBeNull();
    expect((await batchRow(batchId)).discarded_at).toBeNull();
    process.env.GOOD_JOB_GLOBALID_APP = 'my-app';
    try {
      expect(await discardBatch(s.db, batchId)).toMatchObject({ outcome: 'done', discarded: 1, callbacks: ['finish'] });
      const [finish] = await callbacks(batchId);
      expect(((finish!.serialized_params as Row).arguments as Row[])[0]).toEqual({ _aj_globalid: `gid://my-app/GoodJob::Batch/${batchId}` });
    } finally {
      delete process.env.GOOD_JOB_GLOBALID_APP;
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_ACTIONS, JOB_STATUSES, allowedActions } from '../domain/job-state';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { RECORDED_AT } from '../db/seed/time-shift.mjs';
import { insertExecution, insertJob, jobRow } from '../testing/factories';
import { retryBatch } from './batch-commands';
import { compareWithGoodJob } from '../testing/fixture-compare';
import { destroyJob, discardJob, forceDiscardJob, JOB_COMMANDS, rescheduleJob, retryJob } from './job-commands';

const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, 'e2e/fixtures/goodjob-actions', name), 'utf8'));
type Row = Record<string, unknown>;

const COMMANDS = JOB_COMMANDS;

/** A job row as GoodJob's fixtures print it: times as ISO text without zone, jsonb as objects. */
async function fixtureShapedJob(s: ScratchDb, id: string): Promise<Row> {
  const { rows } = await s.pool.query(`SELECT to_jsonb(j) AS row FROM good_jobs j WHERE id = $1`, [id]);
  return rows[0].row as Row;
}

/** Puts a fixture's "before" row into the database, so that our command starts where GoodJob's dashboard did. */
async function restoreJob(s: ScratchDb, before: Row) {
  await s.pool.query(`DELETE FROM good_jobs WHERE id = $1`, [before.id]);
  await s.pool.query(`INSERT INTO good_jobs SELECT * FROM jsonb_populate_record(NULL::good_jobs, $1::jsonb)`, [JSON.stringify(before)]);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; window: { from: Date; to: Date } }> {
  const from = new Date(Date.now() - 5);
  const result = await fn();
  return { result, window: { from, to: new Date(Date.now() + 5) } };
}

describe("job actions compared with GoodJob's own dashboard (goodjob-real.sql)", () => {
  let s: ScratchDb;
  beforeAll(async () => {
    // As recorded, not time-shifted: the rows are compared with the "before" and "after" rows of the same recording.
    s = await createScratchDb({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql'), now: RECORDED_AT });
  });
  afterAll(() => s?.drop());

  it('retry changes the discarded job exactly as GoodJob did, adds no execution, and notifies workers', async () => {
    const before = fixture('retry-before-job.json') as Row;
    await restoreJob(s, before);
    const executionsBefore = await s.pool.query('SELECT count(*)::int AS n FROM good_job_executions WHERE active_job_id = $1', [before.id]);
    const listener = new pg.Client({ connectionString: s.url });
    await listener.connect();
    await listener.query('LISTEN good_job');
    const notified = new Promise<string>((resolve) => listener.on('notification', (n) => resolve(n.payload ?? '')));

    const { result, window } = await timed(() => retryJob(s.db, before.id as string));
    expect(result).toBe('done');
    const ours = await fixtureShapedJob(s, before.id as string);
    expect(compareWithGoodJob(before, fixture('retry-after-job.json'), ours, window)).toEqual([]);
    expect(ours.scheduled_at).toBe(ours.created_at);
    expect((ours.serialized_params as Row).enqueued_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/);
    const executionsAfter = await s.pool.query('SELECT count(*)::int AS n FROM good_job_executions WHERE active_job_id = $1', [before.id]);
    expect(executionsAfter.rows[0].n).toBe(executionsBefore.rows[0].n);

    const payload = JSON.parse(await notified) as { queue_name: string; scheduled_at: string };
    expect(payload.queue_name).toBe('mice');
    expect(new Date(payload.scheduled_at).getTime()).toBeGreaterThanOrEqual(window.from.getTime() - 1);
    await listener.end();
  });

  it('discard changes the queued job exactly as GoodJob did', async () => {
    const before = fixture('discard-before-job.json') as Row;
    await restoreJob(s, { ...before, scheduled_at: '2026-01-01T00:00:00' });
    const { result, window } = await timed(() => discardJob(s.db, before.id as string));
    expect(result).toBe('done');
    const after = fixture('discard-after-job.json') as Row;
    const ours = await fixtureShapedJob(s, before.id as string);
    expect(compareWithGoodJob({ ...before, scheduled_at: '2026-01-01T00:00:00' }, { ...after, scheduled_at: '2026-01-01T00:00:00' }, ours, window)).toEqual([]);
    expect(ours.error).toBe('GoodJob::Job::DiscardJobError: Discarded through dashboard');
  });

  it('retry batch changes the batch and its jobs exactly as GoodJob did, in one go', async () => {
    const batchBefore = fixture('bretry-before-batch.json') as Row;
    const jobsBefore = fixture('bretry-before-jobs.json') as Row[];
    await s.pool.query(`UPDATE good_job_batches SET discarded_at = $2, finished_at = $3, jobs_finished_at = $4 WHERE id = $1`, [
      batchBefore.id, batchBefore.discarded_at, batchBefore.finished_at, batchBefore.jobs_finished_at,
    ]);
    for (const job of jobsBefore) {
      await s.pool.query(
        `UPDATE good_jobs SET finished_at = $2, performed_at = $3, scheduled_at = $4, error = $5, error_event = $6, executions_count = $7,
          serialized_params = jsonb_set(serialized_params, '{executions}', to_jsonb($8::int)) WHERE id = $1`,
        [job.id, job.finished_at, job.performed_at, job.scheduled_at, job.error, job.error_event, job.executions_count, job.sp_executions],
      );
    }
    const { result, window } = await timed(() => retryBatch(s.db, batchBefore.id as string));
    expect(result).toEqual({ outcome: 'done', retried: 2 });

    const { rows: [batch] } = await s.pool.query('SELECT to_jsonb(b) AS row FROM good_job_batches b WHERE id = $1', [batchBefore.id]);
    expect(compareWithGoodJob(batchBefore, fixture('bretry-after-batch.json'), batch.row, window)).toEqual([]);
    const jobsAfter = fixture('bretry-after-jobs.json') as Row[];
    for (const [i, job] of jobsBefore.entries()) {
      const { rows: [ours] } = await s.pool.query(
        `SELECT to_jsonb(j) || jsonb_build_object('sp_executions', (serialized_params->>'executions')::int) AS row FROM good_jobs j WHERE id = $1`,
        [job.id],
      );
      const { args: _a, ...expected } = jobsAfter[i]!;
      expect(compareWithGoodJob(job, expected, ours.row, window), String(job.id)).toEqual([]);
    }
    expect(await retryBatch(s.db, batchBefore.id as string)).toEqual({ outcome: 'wrong_state', retried: 0 });
  });
});

describe('every action in every state', () => {
  const s = scratchDbForSuite({ schema: 'current' });

  for (const state of JOB_STATUSES) {
    for (const action of JOB_ACTIONS) {
      const allowed = allowedActions(state).includes(action);
      it(`${action} on a ${state} job: ${allowed ? 'done' : 'wrong state, nothing changed'}`, async () => {
        const id = await insertJob(s.pool, state);
        await insertExecution(s.pool, id);
        const before = await jobRow(s.pool, id);
        const outcome = await COMMANDS[action](s.db, id);
        expect(outcome).toBe(allowed ? 'done' : 'wrong_state');
        const after = await jobRow(s.pool, id);
        if (!allowed) expect(after).toEqual(before);
        else if (action === 'destroy') {
          expect(after).toBeUndefined();
          const ex = await s.pool.query('SELECT 1 FROM good_job_executions WHERE active_job_id = $1', [id]);
          expect(ex.rowCount).toBe(0);
        } else if (action === 'reschedule') {
          expect((after!.scheduled_at as string) <= (after!.updated_at as string)).toBe(true);
          expect(after!.scheduled_at).not.toEqual(before!.scheduled_at);
          expect({ ...after, scheduled_at: null, updated_at: null }).toEqual({ ...before, scheduled_at: null, updated_at: null });
        } else if (action === 'discard' || action === 'forceDiscard') {
          expect(after!.error).toBe(`GoodJob::Job::DiscardJobError: ${action === 'discard' ? 'Discarded' : 'Force discarded'} through dashboard`);
          expect(after!.error_event).toBe(5);
          expect(after!.finished_at).not.toBeNull();
        } else {
          expect(after!.finished_at).toBeNull();
          expect(after!.error_event).toBe(3);
        }
      });
    }
  }

  it('answers not found for a job that does not exist', async () => {
    for (const command of Object.values(COMMANDS)) expect(await command(s.db, '00000000-0000-4000-8000-000000000000')).toBe('not_found');
    expect(await retryBatch(s.db, '00000000-0000-4000-8000-000000000000')).toEqual({ outcome: 'not_found', retried: 0 });
  });

  it('answers locked and changes nothing while a worker holds the job (advisory mode)', async () => {
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    for (const [state, action] of [['discarded', 'retry'], ['queued', 'discard'], ['scheduled', 'reschedule'], ['succeeded', 'destroy']] as const) {
      const id = await insertJob(s.pool, state);
      await worker.query(`SELECT pg_advisory_lock(('x' || substr(md5('good_jobs-' || $1::text), 1, 16))::bit(64)::bigint)`, [id]);
      const before = await jobRow(s.pool, id);
      expect(await COMMANDS[action](s.db, id), `${action} on held ${state} job`).toBe('locked');
      expect(await jobRow(s.pool, id)).toEqual(before);
    }
    await worker.end();
  });

  it('answers locked for a job a skip-locked worker marked, and force discard still works on a running one', async () => {
    const marked = await insertJob(s.pool, 'queued', { locked_by_id: '99999999-0000-4000-8000-000000000000' });
    expect(await rescheduleJob(s.db, marked)).toBe('locked');
    const running = await insertJob(s.pool, 'running', { locked_by_id: '99999999-0000-4000-8000-000000000000' });
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    await worker.query(`SELECT pg_advisory_lock(('x' || substr(md5('good_jobs-' || $1::text), 1, 16))::bit(64)::bigint)`, [running]);
    expect(await forceDiscardJob(s.db, running)).toBe('done');
    await worker.end();
  });

  it('uses the configured hash function for the lock key', async () => {
    const id = await insertJob(s.pool, 'discarded');
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    await worker.query(`SELECT pg_advisory_lock(hashtext('good_jobs-' || $1::text)::bigint)`, [id]);
    expect(await retryJob(s.db, id)).toBe('done'); // md5 key: not the one the worker holds
    const other = await insertJob(s.pool, 'discarded');
    await worker.query(`SELECT pg_advisory_lock(hashtext('good_jobs-' || $1::text)::bigint)`, [other]);
    process.env.GOOD_JOB_ADVISORY_LOCK_HASH = 'hashtext';
    try {
      expect(await retryJob(s.db, other)).toBe('locked');
    } finally {
      delete process.env.GOOD_JOB_ADVISORY_LOCK_HASH;
      await worker.end();
    }
  });

  it('20 concurrent retries of one discarded job: exactly one is done, executions rise by exactly 1', async () => {
    const id = await insertJob(s.pool, 'discarded');
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => retryJob(s.db, id)));
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    expect(outcomes.every((o) => o === 'done' || o === 'locked' || o === 'wrong_state')).toBe(true);
    const row = await jobRow(s.pool, id);
    expect((row!.serialized_params as { executions: number }).executions).toBe(3);
  });

  it('a second retry, discard or destroy of the same job answers wrong state', async () => {
    const a = await insertJob(s.pool, 'discarded');
    expect(await retryJob(s.db, a)).toBe('done');
    expect(await retryJob(s.db, a)).toBe('wrong_state');
    const b = await insertJob(s.pool, 'queued');
    expect(await discardJob(s.db, b)).toBe('done');
    expect(await discardJob(s.db, b)).toBe('wrong_state');
    const c = await insertJob(s.pool, 'succeeded');
    expect(await destroyJob(s.db, c)).toBe('done');
    expect(await destroyJob(s.db, c)).toBe('not_found');
  });
});

describe('retry batch', () => {
  const s = scratchDbForSuite({ schema: 'before-v4.3' });

  async function discardedBatch(): Promise<{ batchId: string; jobs: string[] }> {
    const { rows } = await s.pool.query(`INSERT INTO good_job_batches (id, created_at, updated_at, enqueued_at, discarded_at, finished_at)
      VALUES (gen_random_uuid(), now(), now(), now(), now(), now()) RETURNING id`);
    const batchId = rows[0].id as string;
    const jobs = [await insertJob(s.pool, 'discarded', { batch_id: batchId }), await insertJob(s.pool, 'discarded', { batch_id: batchId })];
    await insertJob(s.pool, 'succeeded', { batch_id: batchId });
    await insertJob(s.pool, 'discarded', { batch_callback_id: batchId });
    return { batchId, jobs };
  }

  it('works on a database without jobs_finished_at and leaves callback jobs alone', async () => {
    const { batchId, jobs } = await discardedBatch();
    expect(await retryBatch(s.db, batchId)).toEqual({ outcome: 'done', retried: 2 });
    const { rows } = await s.pool.query('SELECT discarded_at, finished_at FROM good_job_batches WHERE id = $1', [batchId]);
    expect(rows[0]).toEqual({ discarded_at: null, finished_at: null });
    const states = await s.pool.query(`SELECT id, finished_at IS NULL AS unfinished, batch_callback_id IS NOT NULL AS callback FROM good_jobs
      WHERE batch_id = $1 OR batch_callback_id = $1`, [batchId]);
    for (const r of states.rows) expect(r.unfinished, r.id).toBe(jobs.includes(r.id));
  });

  it('waits a few seconds for the batch lock, then answers locked and changes nothing', async () => {
    const { batchId, jobs } = await discardedBatch();
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    await worker.query(`SELECT pg_advisory_lock(('x' || substr(md5('good_job_batches-' || $1::text), 1, 16))::bit(64)::bigint)`, [batchId]);
    const started = Date.now();
    expect(await retryBatch(s.db, batchId)).toEqual({ outcome: 'locked', retried: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
    await worker.end();
    const { rows } = await s.pool.query('SELECT count(*)::int AS n FROM good_jobs WHERE id = ANY($1) AND finished_at IS NOT NULL', [jobs]);
    expect(rows[0].n).toBe(2);
  });

  it('answers locked and retries none when one of its jobs is held', async () => {
    const { batchId, jobs } = await discardedBatch();
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    await worker.query(`SELECT pg_advisory_lock(('x' || substr(md5('good_jobs-' || $1::text), 1, 16))::bit(64)::bigint)`, [jobs[1]]);
    expect(await retryBatch(s.db, batchId)).toEqual({ outcome: 'locked', retried: 0 });
    await worker.end();
    const { rows } = await s.pool.query('SELECT discarded_at IS NOT NULL AS discarded FROM good_job_batches WHERE id = $1', [batchId]);
    expect(rows[0].discarded).toBe(true);
  });

  it('answers wrong state for a batch that is not discarded', async () => {
    const { rows } = await s.pool.query(`INSERT INTO good_job_batches (id, created_at, updated_at, enqueued_at) VALUES (gen_random_uuid(), now(), now(), now()) RETURNING id`);
    expect(await retryBatch(s.db, rows[0].id)).toEqual({ outcome: 'wrong_state', retried: 0 });
  });
});

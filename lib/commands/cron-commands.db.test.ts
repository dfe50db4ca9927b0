import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { countCronKeys, getCronEntry, listCronEntries } from '../queries/cron';
import { disableCronKey } from './setting-commands';
import { runCronNow } from './cron-commands';

const KEY = 'anchor_cron_success';
type Row = Record<string, unknown>;

describe("cron keys in GoodJob's own fixture (goodjob-real.sql: four runs of anchor_cron_success)", () => {
  const job = async (id: string) => (await s.pool.query(`SELECT to_jsonb(j) AS row FROM good_jobs j WHERE id = $1`, [id])).rows[0].row as Row;

  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });

  it('lists each key with its newest run and its runs in the last 24 hours, as SQL written independently counts them', async () => {
    const entries = await listCronEntries(s.db, new Date());
    const { rows: expected } = await s.pool.query(`
      SELECT cron_key, count(*) FILTER (WHERE created_at > (now() AT TIME ZONE 'UTC') - interval '24 hours')::int AS runs,
             (array_agg(id ORDER BY cron_at DESC NULLS LAST))[1] AS last_id
      FROM good_jobs WHERE cron_key IS NOT NULL GROUP BY cron_key ORDER BY cron_key`);
    expect(entries.map((e) => ({ cron_key: e.cron_key, runs: e.runs24h, last_id: e.last.id }))).toEqual(expected);
    expect(entries[0]).toMatchObject({ cron_key: KEY, enabled: 'default', failures24h: 0, last: { id: '06675055-c1ba-4d3e-99e7-21fede69edac', queue_name: 'cron', priority: 5 } });
    expect(await getCronEntry(s.db, 'no_such_key', new Date())).toBeNull();
    expect(await countCronKeys(s.db)).toEqual({ enabled: expected.length, disabled: 0 });
    await disableCronKey(s.db, KEY);
    expect((await getCronEntry(s.db, KEY, new Date()))?.enabled).toBe('disabled');
    expect(await countCronKeys(s.db)).toEqual({ enabled: expected.length - 1, disabled: 1 });
  });

  it('Run now repeats the newest run as a new job, field by field, and notifies the workers', async () => {
    const listener = new pg.Client({ connectionString: s.url });
    await listener.connect();
    await listener.query('LISTEN good_job');
    const notified = new Promise<string>((resolve) => listener.on('notification', (n) => resolve(n.payload ?? '')));
    const last = await job('06675055-c1ba-4d3e-99e7-21fede69edac');
    const result = await runCronNow(s.db, KEY);
    expect(result.outcome).toBe('done');
    const id = (result as { jobId: string }).jobId;
    const ours = await job(id);
    const params = ours.serialized_params as Row;
    const lastParams = last.serialized_params as Row;
    // New identity, now.
    expect(ours.id).toBe(id);
    expect(ours.active_job_id).toBe(id);
    expect(params.job_id).toBe(id);
    // As GoodJob's "Enqueue now" writes it (goodjob-actions/settings/cron-enqueue.json): no provider id, no count yet.
    expect(params.provider_job_id).toBeNull();
    expect(ours.cron_at).toBe(ours.created_at);
    expect(ours.scheduled_at).toBe(ours.created_at);
    expect(Date.parse(`${ours.created_at as string}Z`)).toBeGreaterThan(Date.now() - 60_000);
    // The last run's format: whole seconds, as its enqueued_at was written.
    expect(lastParams.enqueued_at).toMatch(/T\d{2}:\d{2}:\d{2}Z$/);
    expect(params.enqueued_at).toBe(`${(ours.created_at as string).slice(0, 19)}Z`);
    // The same job, as it would run.
    for (const column of ['queue_name', 'priority', 'job_class', 'labels', 'concurrency_key', 'cron_key', 'is_discrete']) expect(ours[column], column).toEqual(last[column]);
    for (const key of ['job_class', 'arguments', 'queue_name', 'priority', 'locale', 'timezone']) expect(params[key], key).toEqual(lastParams[key]);
    expect(params.executions).toBe(0);
    expect(params.exception_executions).toEqual({});
    // Not run yet, in no batch.
    for (const column of ['performed_at', 'finished_at', 'error', 'error_event', 'batch_id', 'batch_callback_id', 'locked_by_id', 'retried_good_job_id']) expect(ours[column], column).toBeNull();
    expect(ours.executions_count).toBeNull();
    expect(JSON.parse(await notified)).toMatchObject({ queue_name: 'cron' });
    await listener.end();
    // The new run is now the key's newest.
    expect((await getCronEntry(s.db, KEY, new Date()))?.last.id).toBe(id);
    expect(await runCronNow(s.db, 'no_such_key')).toEqual({ outcome: 'not_found' });
  });

  it('Run now writes the row GoodJob’s own "Enqueue now" wrote, column for column (goodjob-actions/settings/cron-enqueue.json)', async () => {
    const recording = JSON.parse(readFileSync(join(ROOT, 'e2e/fixtures/goodjob-actions/settings/cron-enqueue.json'), 'utf8')) as { previous_run: Row; enqueued_row: Row };
    await s.pool.query(`INSERT INTO good_jobs SELECT * FROM jsonb_populate_record(NULL::good_jobs, $1::jsonb)`, [JSON.stringify(recording.previous_run)]);
    const result = await runCronNow(s.db, 'frequent_example');
    const ours = await job((result as { jobId: string }).jobId);
    const theirs = recording.enqueued_row;
    const own = new Set(['id', 'active_job_id', 'created_at', 'updated_at', 'scheduled_at', 'cron_at', 'serialized_params']);
    for (const [column, value] of Object.entries(theirs)) if (!own.has(column)) expect(ours[column], column).toEqual(value);
    const p = ours.serialized_params as Row;
    const q = theirs.serialized_params as Row;
    expect(Object.keys(p).sort()).toEqual(Object.keys(q).sort());
    for (const key of Object.keys(q)) if (!['job_id', 'enqueued_at'].includes(key)) expect(p[key], key).toEqual(q[key]);
  });

  it('Run now copies any labels exactly, commas, quotes and braces included', async () => {
    const labels = ['a,b', 'say "hi"', '{x}', 'метка'];
    await s.pool.query(`UPDATE good_jobs SET labels = $1 WHERE id = '06675055-c1ba-4d3e-99e7-21fede69edac'`, [labels]);
    await s.pool.query(`DELETE FROM good_jobs WHERE cron_key = $1 AND id <> '06675055-c1ba-4d3e-99e7-21fede69edac' AND created_at > (SELECT created_at FROM good_jobs WHERE id = '06675055-c1ba-4d3e-99e7-21fede69edac')`, [KEY]);
    const result = await runCronNow(s.db, KEY);
    expect((await job((result as { jobId: string }).jobId)).labels).toEqual(labels);
  });
});

import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { EMPTY_JOB_FILTER, type JobFilter } from '../domain/job-filter';
import { JOB_STATUSES, jobStatus } from '../domain/job-state';
import type { Cursor } from '../domain/cursor';
import { processActive } from '../domain/process-state';
import { ROOT, type ScratchDb } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { insertJob } from '../testing/factories';
import { countJobsByState, countJobsForAction, getJob, jobFacets, listExecutions, listJobs, nextJobsForAction } from './jobs';
import type { JobListRow } from '../read-models/jobs';
import { listProcesses } from './processes';

const FIRST = { after: null, before: null };
const filter = (over: Partial<JobFilter>): JobFilter => ({ ...EMPTY_JOB_FILTER, ...over });

async function allPages(s: ScratchDb, f: JobFilter, now: Date): Promise<JobListRow[]> {
  const rows: JobListRow[] = [];
  let after: Cursor | null = null;
  do {
    const result = await listJobs(s.db, f, { after, before: null }, now);
    if (result.kind !== 'page') throw new Error('search timed out');
    rows.push(...result.rows);
    after = result.next;
  } while (after !== null);
  return rows;
}

describe("the jobs list on GoodJob's own database", () => {
  const now = new Date();
  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });

  it("each state filter returns exactly the fixture's jobs in that state", async () => {
    const everything = await allPages(s, EMPTY_JOB_FILTER, now);
    expect(everything).toHaveLength(38);
    for (const state of JOB_STATUSES) {
      const shown = await allPages(s, filter({ state }), now);
      const expected = everything.filter((j) => jobStatus(j, now) === state).map((j) => j.id);
      expect(shown.map((j) => j.id).sort(), state).toEqual(expected.sort());
    }
    const counts = await countJobsByState(s.db, EMPTY_JOB_FILTER, now);
    expect(counts.all).toEqual({ value: 38, estimated: false });
    expect(JOB_STATUSES.reduce((n, st) => n + counts[st].value, 0)).toBe(38);
  });

  it("orders each state as GoodJob does, id breaking ties", async () => {
    const queued = await allPages(s, filter({ state: 'scheduled' }), now);
    const due = queued.map((j) => j.scheduled_at ?? j.created_at);
    expect(due).toEqual([...due].sort());
    const discarded = await allPages(s, filter({ state: 'discarded' }), now);
    const finished = discarded.map((j) => j.finished_at!);
    expect(finished).toEqual([...finished].sort().reverse());
    const all = await allPages(s, EMPTY_JOB_FILTER, now);
    const created = all.map((j) => `${j.created_at}|${j.id}`);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('filters by queue, class and label, and lists them with counts', async () => {
    const facets = await jobFacets(s.db);
    expect(facets.estimated).toBe(false);
    const mice = facets.queues.find((q) => q.value === 'mice');
    expect(mice?.count).toBeGreaterThan(0);
    expect((await allPages(s, filter({ queue: 'mice' }), now)).every((j) => j.queue_name === 'mice')).toBe(true);
    expect(await allPages(s, filter({ queue: 'mice' }), now)).toHaveLength(mice!.count);
    const dead = facets.labels.find((l) => l.value === 'dead')!;
    const labelled = await allPages(s, filter({ label: 'dead' }), now);
    expect(labelled).toHaveLength(dead.count);
    expect(labelled.every((j) => j.labels?.includes('dead'))).toBe(true);
    const callbacks = await allPages(s, filter({ jobClass: 'ExampleJob::BatchJob::CallbackJob' }), now);
    expect(callbacks.length).toBe(facets.classes.find((c) => c.value === 'ExampleJob::BatchJob::CallbackJob')!.count);
  });

  it('searches error texts, classes and arguments with full-text search', async () => {
    const byError = await allPages(s, filter({ search: 'DeadError' }), now);
    expect(byError.length).toBeGreaterThan(0);
    expect(byError.every((j) => (j.error ?? '').includes('DeadError'))).toBe(true);
    const byArgument = await allPages(s, filter({ search: 'error_once' }), now);
    // The list leaves the arguments out (each Inspect reads its job's); the jobs found do carry the word in them.
    expect(byArgument.every((j) => j.serialized_params_text === null)).toBe(true);
    for (const j of byArgument) expect((await getJob(s.db, j.id))!.job.serialized_params_text).toContain('error_once');
    expect(byArgument.length).toBeGreaterThan(0);
    expect(await allPages(s, filter({ search: 'no-such-word-anywhere' }), now)).toHaveLength(0);
  });

  it('finds a job by its id or its ActiveJob id, and numbers its executions newest first', async () => {
    const found = await getJob(s.db, 'd2a4ff36-3886-44d7-ad8e-8ef7e77ca4ba');
    expect(found?.job.job_class).toBe('ExampleJob');
    const { executions, total } = await listExecutions(s.db, found!.job.active_job_id!);
    expect(total).toBeGreaterThanOrEqual(3);
    expect(executions.map((e) => e.number)).toEqual(Array.from({ length: total }, (_, i) => total - i));
    expect(executions[0]!.error_backtrace!.length).toBeGreaterThan(10);
  });

  it('walks the jobs a bulk run takes in list order, page after page, only those the action can take', async () => {
    const discarded = filter({ state: 'discarded' });
    const listed = (await allPages(s, discarded, now)).map((j) => j.id);
    expect(listed.length).toBeGreaterThan(4);
    const first = await nextJobsForAction(s.db, discarded, 'retry', null, now, 3);
    expect(first.ids).toEqual(listed.slice(0, 3));
    const second = await nextJobsForAction(s.db, discarded, 'retry', first.last, now, 3);
    expect(second.ids).toEqual(listed.slice(3, 6));
    expect((await countJobsForAction(s.db, discarded, 'retry', now)).value).toBe(listed.length);
    // No filter: retry takes the discarded jobs only, in the list's own order (newest first).
    const all = (await allPages(s, filter({}), now)).filter((j) => j.finished_at !== null && j.error !== null).map((j) => j.id);
    expect((await nextJobsForAction(s.db, filter({}), 'retry', null, now, 1000)).ids).toEqual(all);
    // Discard takes the jobs not started; a filter on discarded jobs leaves it none.
    expect((await nextJobsForAction(s.db, discarded, 'discard', null, now, 1000)).ids).toEqual([]);
    const notStarted = (await allPages(s, filter({}), now)).filter((j) => j.finished_at === null && j.performed_at === null).map((j) => j.id);
    expect((await nextJobsForAction(s.db, filter({}), 'discard', null, now, 1000)).ids).toEqual(notStarted);
    expect((await countJobsForAction(s.db, filter({}), 'discard', now)).value).toBe(notStarted.length);
    // Run now takes only jobs not yet due.
    const notDue = (await allPages(s, filter({}), now)).filter((j) => j.finished_at === null && j.performed_at === null && new Date(`${j.scheduled_at ?? j.created_at}Z`) > now).map((j) => j.id);
    expect(notDue.length).toBeGreaterThan(0);
    expect((await nextJobsForAction(s.db, filter({}), 'reschedule', null, now, 1000)).ids).toEqual(notDue);
  });

  it("shows the fixture's worker process as inactive now, and active while it holds its lock", async () => {
    const before = await listProcesses(s.db);
    expect(before.processes).toHaveLength(1);
    const p = before.processes[0]!;
    expect(processActive(p, now, before.hasLockType)).toBe(false);
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    await worker.query(`SELECT pg_advisory_lock(('x' || substr(md5('good_job_processes-' || $1::text), 1, 16))::bit(64)::bigint)`, [p.id]);
    const during = await listProcesses(s.db);
    expect(processActive(during.processes[0]!, now, during.hasLockType)).toBe(true);
    await worker.end();
  });
});

describe("where GoodJob's state filters and its badge rule disagree", () => {
  const now = new Date();
  const s = scratchDbForSuite({ schema: 'current' });

  const inTabs = async (id: string) => {
    const tabs: string[] = [];
    for (const state of JOB_STATUSES) if ((await allPages(s, filter({ state }), now)).some((j) => j.id === id)) tabs.push(state);
    return tabs;
  };

  it('a future job with an error but fewer than 2 serialized executions: badge "retried", tab "scheduled"', async () => {
    const id = await insertJob(s.pool, 'retried');
    await s.pool.query(`UPDATE good_jobs SET serialized_params = jsonb_set(serialized_params, '{executions}', '1') WHERE id = $1`, [id]);
    const job = (await getJob(s.db, id))!.job;
    expect(jobStatus(job, now)).toBe('retried');
    expect(await inTabs(id)).toEqual(['scheduled']);
  });

  it('a future job without an error but 2 serialized executions: badge "scheduled", tab "retried"', async () => {
    const id = await insertJob(s.pool, 'scheduled');
    await s.pool.query(`UPDATE good_jobs SET serialized_params = jsonb_set(serialized_params, '{executions}', '2') WHERE id = $1`, [id]);
    expect(jobStatus((await getJob(s.db, id))!.job, now)).toBe('scheduled');
    expect(await inTabs(id)).toEqual(['retried']);
  });

  it('a running job scheduled in the future: badge "running", in both the "scheduled" and "running" tabs', async () => {
    const id = await insertJob(s.pool, 'running', { scheduled_at: '2999-01-01 00:00:00' });
    expect(jobStatus((await getJob(s.db, id))!.job, now)).toBe('running');
    expect(await inTabs(id)).toEqual(['scheduled', 'running']);
  });

  it('pages through more jobs than a page holds, forward and back', async () => {
    for (let i = 0; i < 120; i += 1) await insertJob(s.pool, 'queued', { queue_name: 'paging', scheduled_at: `2020-01-01 00:00:${String(i % 60).padStart(2, '0')}` });
    const all = await allPages(s, filter({ queue: 'paging', state: 'queued' }), now);
    expect(all).toHaveLength(120);
    expect(new Set(all.map((j) => j.id)).size).toBe(120);
    const first = await listJobs(s.db, filter({ queue: 'paging', state: 'queued' }), FIRST, now);
    const second = await listJobs(s.db, filter({ queue: 'paging', state: 'queued' }), { after: first.kind === 'page' ? first.next : null, before: null }, now);
    const back = await listJobs(s.db, filter({ queue: 'paging', state: 'queued' }), { after: null, before: second.kind === 'page' ? second.prev : null }, now);
    expect(back.kind === 'page' && back.rows.map((j) => j.id)).toEqual(first.kind === 'page' && first.rows.map((j) => j.id));
  });

  it('stops a text search that runs past its timeout and says so', async () => {
    await s.exec(`INSERT INTO good_jobs (id, queue_name, serialized_params, created_at, updated_at, error)
      SELECT gen_random_uuid(), 'bulk', jsonb_build_object('arguments', jsonb_build_array(repeat('lorem ipsum dolor ', 50))), now(), now(), repeat('error text ', 50)
      FROM generate_series(1, 20000)`);
    process.env.DASHBOARD_SEARCH_TIMEOUT_MS = '1';
    try {
      expect((await listJobs(s.db, filter({ search: 'dolor' }), FIRST, now)).kind).toBe('searchTimeout');
    } finally {
      delete process.env.DASHBOARD_SEARCH_TIMEOUT_MS;
    }
  });
});

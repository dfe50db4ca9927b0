// The goodjob_* values on the database GoodJob itself wrote, against SQL written here from GoodJob's rules, then the
// rendered text: promtool must accept it without a lint warning, and a parser must read the same numbers back.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import parsePrometheusTextFormat, { type MetricFamily } from 'parse-prometheus-text-format';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toDbTime } from '../domain/time';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { countAction, countHttpRequest, registerDashboardMetrics } from '../telemetry/dashboard-metrics';
import { collectGoodJob, type GoodJobSnapshot } from './goodjob-collect';
import { GOODJOB_CACHE_MS, refreshGoodJobMetrics } from './goodjob-metrics';
import { metricsRegistry } from '../telemetry/registry';

let s: ScratchDb;
const now = new Date();
const at = toDbTime(now);

beforeAll(async () => {
  s = await createScratchDb({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql'), now });
});
afterAll(async () => {
  await s?.drop();
});

const rows = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = [at]) => (await s.pool.query<T>(text, params)).rows;
const byKey = <T extends Record<string, unknown>>(list: T[], key: keyof T) => Object.fromEntries(list.map((r) => [String(r[key]), r]));

/** GoodJob's state scopes (GoodJob::Job, v4.19), as the jobs page counts them. */
const JOB_SCOPES: Record<string, string> = {
  scheduled: `finished_at IS NULL AND coalesce(scheduled_at, created_at) > $1::timestamp AND coalesce((serialized_params->>'executions')::int, 0) < 2`,
  retried: `finished_at IS NULL AND coalesce(scheduled_at, created_at) > $1::timestamp AND coalesce((serialized_params->>'executions')::int, 0) > 1`,
  queued: `finished_at IS NULL AND performed_at IS NULL AND coalesce(scheduled_at, created_at) <= $1::timestamp`,
  running: `finished_at IS NULL AND performed_at IS NOT NULL`,
  succeeded: `finished_at IS NOT NULL AND error IS NULL`,
  discarded: `finished_at IS NOT NULL AND error IS NOT NULL`,
};

/** GoodJob::Process.active: a process with a lock type holds its advisory lock (md5 key); one without, a fresh heartbeat. */
const lockKey = (id: string) => `('x' || substr(md5('good_job_processes-' || '${id}'), 1, 16))::bit(64)::bigint`;

describe('collectGoodJob on GoodJob\'s own database', () => {
  let snapshot: GoodJobSnapshot;
  let ms: number;
  beforeAll(async () => {
    await collectGoodJob(s.db, now); // plans and capabilities cached, as on a running server
    const started = performance.now();
    snapshot = await collectGoodJob(s.db, now);
    ms = performance.now() - started;
    console.log(`collectGoodJob on the fixture: ${ms.toFixed(1)} ms (warm)`);
  });

  it('counts jobs per state with GoodJob\'s scopes, exactly', async () => {
    for (const [state, where] of Object.entries(JOB_SCOPES)) {
      const [row] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM good_jobs WHERE ${where}`, state === 'succeeded' || state === 'discarded' || state === 'running' ? [] : [at]);
      expect(snapshot.jobs[state as keyof typeof snapshot.jobs], state).toEqual({ value: row!.n, estimated: false });
    }
    expect(Object.values(snapshot.jobs).some((c) => c.value > 0)).toBe(true);
  });

  it('counts each queue\'s unfinished jobs by the badge\'s rule', async () => {
    const expected = await rows<{ queue: string; queued: number; scheduled: number; retried: number; running: number }>(`
      SELECT queue_name AS queue,
        count(*) FILTER (WHERE performed_at IS NULL AND coalesce(scheduled_at, created_at) <= $1::timestamp)::int AS queued,
        count(*) FILTER (WHERE performed_at IS NULL AND coalesce(scheduled_at, created_at) > $1::timestamp AND error IS NULL)::int AS scheduled,
        count(*) FILTER (WHERE performed_at IS NULL AND coalesce(scheduled_at, created_at) > $1::timestamp AND error IS NOT NULL)::int AS retried,
        count(*) FILTER (WHERE performed_at IS NOT NULL)::int AS running
      FROM good_jobs WHERE finished_at IS NULL AND queue_name IS NOT NULL GROUP BY queue_name ORDER BY queue_name`);
    expect(expected.length).toBeGreaterThan(1);
    expect(snapshot.queues.map((q) => q.queue)).toEqual(expected.map((q) => q.queue));
    for (const q of snapshot.queues) {
      const e = byKey(expected, 'queue')[q.queue]!;
      expect({ queued: q.queued, scheduled: q.scheduled, retried: q.retried, running: q.running, capped: q.capped }, q.queue).toEqual({ queued: e.queued, scheduled: e.scheduled, retried: e.retried, running: e.running, capped: false });
    }
  });

  it('gives each queue the age of its oldest queued job, from the same now', async () => {
    const expected = byKey(
      await rows<{ queue: string; age: number }>(`
        SELECT queue_name AS queue, extract(epoch FROM $1::timestamp - min(coalesce(scheduled_at, created_at)))::float8 AS age
        FROM good_jobs WHERE finished_at IS NULL AND performed_at IS NULL AND coalesce(scheduled_at, created_at) <= $1::timestamp
        GROUP BY queue_name`),
      'queue',
    );
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    for (const q of snapshot.queues) {
      if (expected[q.queue]) expect(q.oldestQueuedAgeSeconds, q.queue).toBeCloseTo(expected[q.queue]!.age, 6);
      else expect(q.oldestQueuedAgeSeconds, q.queue).toBeNull();
    }
  });

  it('counts batches per state', async () => {
    const expected = byKey(
      await rows<{ state: string; n: number }>(
        `SELECT CASE WHEN discarded_at IS NOT NULL THEN 'discarded' WHEN finished_at IS NOT NULL THEN 'succeeded'
           WHEN jobs_finished_at IS NOT NULL THEN 'callbacksRunning' WHEN enqueued_at IS NOT NULL THEN 'inProgress' ELSE 'notEnqueued' END AS state,
           count(*)::int AS n FROM good_job_batches GROUP BY 1`,
        [],
      ),
      'state',
    );
    for (const [state, count] of Object.entries(snapshot.batches)) expect(count, state).toEqual({ value: expected[state]?.n ?? 0, estimated: false });
    expect(Object.values(snapshot.batches).reduce((sum, c) => sum + c.value, 0)).toBeGreaterThan(0);
  });

  it('counts the jobs discarded in the last hour', async () => {
    const [row] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM good_jobs WHERE error IS NOT NULL AND finished_at >= $1::timestamp - interval '1 hour'`);
    expect(row!.n).toBeGreaterThan(0);
    expect(snapshot.discardedLastHour).toEqual({ value: row!.n, estimated: false });
  });

  it('counts active processes by GoodJob\'s rule: the lock held, or a fresh heartbeat without a lock type', async () => {
    const [recorded] = await rows<{ id: string; lock_type: number | null }>(`SELECT id, lock_type FROM good_job_processes`, []);
    expect(recorded!.lock_type).not.toBeNull();
    expect(snapshot.activeProcesses).toBe(0); // its worker is gone: nobody holds its lock
    await s.exec(`INSERT INTO good_job_processes (id, created_at, updated_at, state, lock_type) VALUES
      (gen_random_uuid(), '${at}'::timestamp - interval '1 hour', '${at}'::timestamp - interval '1 minute', '{}', NULL),
      (gen_random_uuid(), '${at}'::timestamp - interval '1 hour', '${at}'::timestamp - interval '6 minutes', '{}', NULL)`);
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    try {
      await worker.query(`SELECT pg_advisory_lock(${lockKey(recorded!.id)})`);
      expect((await collectGoodJob(s.db, now)).activeProcesses).toBe(2);
    } finally {
      await worker.end();
      await s.exec(`DELETE FROM good_job_processes WHERE lock_type IS NULL`);
    }
  });

  it('takes well under a second on the fixture', () => {
    expect(ms).toBeLessThan(1000);
  });
});

const value = (families: MetricFamily[], name: string, labels: Record<string, string> = {}) => {
  const family = families.find((f) => f.name === name);
  const sample = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return sample && 'value' in sample ? Number(sample.value) : undefined;
};

describe('the rendered registry', () => {
  it('passes promtool check metrics and parses back to the database\'s numbers', async () => {
    registerDashboardMetrics();
    await refreshGoodJobMetrics(async () => s.db, now);
    countHttpRequest('GET', 'metrics');
    countAction('bulk:retry', 'partial');
    countAction('<script>', 'done 3, skipped 1');
    const text = await metricsRegistry().metrics();
    const lint = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(lint.error, 'promtool is missing (Debian: apt-get install prometheus)').toBeUndefined();
    expect(`${lint.stdout}${lint.stderr}`.trim()).toBe('');
    expect(lint.status).toBe(0);

    const families = parsePrometheusTextFormat(text);
    const [queued] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM good_jobs WHERE ${JOB_SCOPES.queued}`);
    expect(value(families, 'goodjob_jobs', { state: 'queued' })).toBe(queued!.n);
    expect(value(families, 'goodjob_jobs_estimated', { state: 'queued' })).toBe(0);
    const [oldest] = await rows<{ queue: string; age: number }>(`
      SELECT queue_name AS queue, extract(epoch FROM $1::timestamp - min(coalesce(scheduled_at, created_at)))::float8 AS age
      FROM good_jobs WHERE finished_at IS NULL AND performed_at IS NULL AND coalesce(scheduled_at, created_at) <= $1::timestamp
      GROUP BY queue_name ORDER BY age DESC LIMIT 1`);
    expect(value(families, 'goodjob_oldest_queued_job_age_seconds', { queue: oldest!.queue })).toBeCloseTo(oldest!.age, 6);
    const [discarded] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM good_jobs WHERE error IS NOT NULL AND finished_at >= $1::timestamp - interval '1 hour'`);
    expect(value(families, 'goodjob_discarded_jobs_last_hour')).toBe(discarded!.n);
    expect(value(families, 'goodjob_scrape_ok')).toBe(1);
    expect(value(families, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(value(families, 'dashboard_http_requests_total', { method: 'GET', route_kind: 'metrics' })).toBeGreaterThanOrEqual(1);
    expect(value(families, 'dashboard_actions_total', { action: 'bulk:retry', outcome: 'partial' })).toBeGreaterThanOrEqual(1);
    expect(value(families, 'dashboard_actions_total', { action: 'unknown', outcome: 'other' })).toBeGreaterThanOrEqual(1);
    expect(families.find((f) => f.name === 'dashboard_query_duration_seconds')?.type).toBe('HISTOGRAM');
  });

  it('shares one read among concurrent scrapes, and a failed read leaves the gauges unset with goodjob_scrape_ok 0', async () => {
    const later = new Date(now.getTime() + GOODJOB_CACHE_MS + 1);
    let asked = 0;
    const down = async () => {
      asked += 1;
      throw new Error('connect ECONNREFUSED');
    };
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await Promise.all([refreshGoodJobMetrics(down, later), refreshGoodJobMetrics(down, later), refreshGoodJobMetrics(down, new Date(later.getTime() + 1000))]);
    } finally {
      quiet.mockRestore();
    }
    expect(asked).toBe(1);
    const families = parsePrometheusTextFormat(await metricsRegistry().metrics());
    expect(value(families, 'goodjob_scrape_ok')).toBe(0);
    expect(families.find((f) => f.name === 'goodjob_jobs')?.metrics ?? []).toEqual([]);
    expect(families.find((f) => f.name === 'goodjob_oldest_queued_job_age_seconds')?.metrics ?? []).toEqual([]);

    await refreshGoodJobMetrics(async () => s.db, new Date(later.getTime() + GOODJOB_CACHE_MS));
    expect(value(parsePrometheusTextFormat(await metricsRegistry().metrics()), 'goodjob_scrape_ok')).toBe(1);
  });
});

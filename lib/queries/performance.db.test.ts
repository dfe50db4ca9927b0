import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { chartBuckets, windowRange, WINDOWS, type PerformanceWindow } from '../domain/performance';
import { toDbTime } from '../domain/time';
import { insertTimedExecution } from '../testing/factories';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { getClassPerformance, getPerformanceOverview, jobClassExists, SLOWEST_LIMIT } from './performance';
import type { PerformanceStat } from '../read-models/performance';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Seconds per GoodJob bucket bound, and its last one (10⁸ s) that only splits "Slow". */
const GOODJOB_BOUNDS = [0.02, 0.03, 0.045, 0.065, 0.1, 0.15, 0.225, 0.335, 0.5, 0.75, 1.1, 1.7, 2.5, 3.8, 5.75, 8.5, 13, 20, 30, 45, 65, 100, 150, 225, 335, 1e8];

type Expected = { key: string | null; executions: number; failures: number; timed: number; avg: number | null; p50: number | null; p95: number | null; max: number | null };

describe('the Performance reads on GoodJob’s own database plus factory executions', () => {
  let s: ScratchDb;
  const now = new Date();
  const procs = [randomUUID(), randomUUID(), randomUUID(), null];
  const classes = ['PerfAlphaJob', 'PerfBetaJob', 'Perf::GammaJob', null];
  const queues = ['perf_fast', 'perf_slow', null];
  // Ages spread over every window's edges: inside 1 h, inside 24 h only, 7 d only, 30 d only, outside all, and future.
  const ages = [-MINUTE, 10_000, 5 * MINUTE, 59 * MINUTE, 61 * MINUTE, 3 * HOUR, 23.9 * HOUR, 24.1 * HOUR, 3 * DAY, 6.9 * DAY, 7.1 * DAY, 20 * DAY, 29.9 * DAY, 30.1 * DAY, 60 * DAY];
  const durations = [null, 5, 20, 29.999, 44, 120, 800, 1100, 2_600, 12_999, 46_000, 334_999, 335_000, 4_000_000];

  beforeAll(async () => {
    s = await createScratchDb({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql'), now });
    let n = 0;
    for (const age of ages) {
      for (let k = 0; k < 7; k += 1) {
        n += 1;
        await insertTimedExecution(s.pool, {
          activeJobId: randomUUID(),
          createdAt: toDbTime(new Date(now.getTime() - age - k * 1000)),
          jobClass: classes[n % classes.length],
          queueName: queues[n % queues.length],
          durationMs: durations[(n * 5) % durations.length],
          error: n % 4 === 0 ? 'Net::ReadTimeout: timed out' : null,
          processId: procs[n % procs.length],
        });
      }
    }
    // A class with jobs but no executions in any window, for the empty state.
    await s.pool.query(`UPDATE good_jobs SET job_class = 'PerfIdleJob' WHERE id = (SELECT id FROM good_jobs ORDER BY created_at LIMIT 1)`);
  });
  afterAll(() => s?.drop());

  async function expectedStats(window: PerformanceWindow, group: 'job_class' | 'queue_name', jobClass?: string): Promise<Expected[]> {
    const { from, to } = windowRange(window, now);
    const ms = 'extract(epoch FROM duration) * 1000';
    const { rows } = await s.pool.query<Expected>(
      `SELECT ${group} AS key, count(*)::int AS executions, count(*) FILTER (WHERE error IS NOT NULL)::int AS failures, count(duration)::int AS timed,
         avg(${ms})::float8 AS avg, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${ms})::float8 AS p50,
         percentile_cont(0.95) WITHIN GROUP (ORDER BY ${ms})::float8 AS p95, max(${ms})::float8 AS max
       FROM good_job_executions WHERE created_at BETWEEN $1 AND $2 ${jobClass ? 'AND job_class = $3' : ''} GROUP BY 1`,
      [toDbTime(from), toDbTime(to), ...(jobClass ? [jobClass] : [])],
    );
    return rows;
  }

  const byKey = <T extends { key: string | null }>(rows: T[]) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));

  function expectSameStats(ours: PerformanceStat[], expected: Expected[]) {
    expect(ours.map((o) => o.key).sort()).toEqual(expected.map((e) => e.key).sort());
    const theirs = byKey(expected);
    for (const [i, o] of byKey(ours).entries()) {
      const e = theirs[i]!;
      expect({ executions: o.executions, failures: o.failures, timed: o.timed }, String(o.key)).toEqual({ executions: e.executions, failures: e.failures, timed: e.timed });
      for (const [mine, other] of [[o.avgMs, e.avg], [o.p50Ms, e.p50], [o.p95Ms, e.p95], [o.maxMs, e.max]] as const) {
        if (other === null) expect(mine).toBeNull();
        else expect(mine!).toBeCloseTo(other, 6);
      }
    }
  }

  for (const indexed of [false, true]) {
    describe(indexed ? 'with the suggested created_at index' : 'through GoodJob’s (process_id, created_at) index', () => {
      let db: Db;
      beforeAll(async () => {
        if (indexed) await s.exec('CREATE INDEX index_good_job_executions_on_created_at ON good_job_executions (created_at)');
        // A Db of its own: the index lookup is cached per Db.
        db = drizzle(s.pool, { schema }) as Db;
      });

      it.each(WINDOWS)('per class and per queue, the %s window’s counts, failures and avg / p50 / p95 / max equal a full scan', async (window) => {
        const ours = await getPerformanceOverview(db, { window, now });
        expect(ours.sampled).toBe(false);
        expectSameStats(ours.classes, await expectedStats(window, 'job_class'));
        expectSameStats(ours.queues, await expectedStats(window, 'queue_name'));
        expect(ours.classes.some((c) => c.key === 'PerfAlphaJob')).toBe(true);
      });

      it.each(WINDOWS)('the %s chart’s buckets hold each class’s executions and busy seconds', async (window) => {
        const zone = 9 * HOUR;
        const ours = await getPerformanceOverview(db, { window, now, zoneOffsetMs: zone });
        const b = chartBuckets(window, now, zone);
        expect(ours.chart).toMatchObject(b);
        const { from, to } = windowRange(window, now);
        const { rows } = await s.pool.query<{ bucket: number; job_class: string | null; executions: number; seconds: number }>(
          `SELECT floor(extract(epoch FROM created_at - $3::timestamp) * 1000 / $4)::int AS bucket, job_class, count(*)::int AS executions,
             coalesce(sum(extract(epoch FROM duration)), 0)::float8 AS seconds
           FROM good_job_executions WHERE created_at BETWEEN $1 AND $2 GROUP BY 1, 2`,
          [toDbTime(from), toDbTime(to), toDbTime(b.from), b.stepMs],
        );
        const key = (c: { bucket: number; job_class?: string | null; jobClass?: string | null }) => `${c.bucket}|${'jobClass' in c ? c.jobClass : c.job_class}`;
        const expected = new Map(rows.map((r) => [key(r), r]));
        expect(ours.chart.cells.map(key).sort()).toEqual([...expected.keys()].sort());
        for (const cell of ours.chart.cells) {
          expect(cell.bucket).toBeGreaterThanOrEqual(0);
          expect(cell.bucket).toBeLessThan(b.buckets);
          expect(cell.executions).toBe(expected.get(key(cell))!.executions);
          expect(cell.seconds).toBeCloseTo(expected.get(key(cell))!.seconds, 6);
        }
      });

      it.each(WINDOWS)('a class’s %s histogram equals WIDTH_BUCKET over GoodJob’s bounds, its slowest list ORDER BY duration', async (window) => {
        const { from, to } = windowRange(window, now);
        for (const jobClass of ['PerfAlphaJob', 'Perf::GammaJob', 'ExampleJob']) {
          const ours = await getClassPerformance(db, jobClass, { window, now });
          expect(ours.sampled).toBe(false);
          const stat = await expectedStats(window, 'job_class', jobClass);
          expectSameStats([ours.stat], stat.length > 0 ? stat : [{ key: jobClass, executions: 0, failures: 0, timed: 0, avg: null, p50: null, p95: null, max: null }]);
          const { rows } = await s.pool.query<{ bucket: number; n: number }>(
            `SELECT LEAST(WIDTH_BUCKET(duration, ARRAY[${GOODJOB_BOUNDS.map((b) => `interval '${b} seconds'`).join(',')}]), 25) AS bucket, count(*)::int AS n
             FROM good_job_executions WHERE job_class = $1 AND created_at BETWEEN $2 AND $3 AND duration IS NOT NULL GROUP BY 1`,
            [jobClass, toDbTime(from), toDbTime(to)],
          );
          const expected = Array.from({ length: 26 }, (_, i) => rows.filter((r) => r.bucket === i).reduce((n, r) => n + r.n, 0));
          expect(ours.histogram.map((h) => h.count), `${jobClass} ${window}`).toEqual(expected);
          const { rows: slow } = await s.pool.query<{ id: string }>(
            `SELECT id FROM good_job_executions WHERE job_class = $1 AND created_at BETWEEN $2 AND $3 AND duration IS NOT NULL ORDER BY duration DESC, id LIMIT ${SLOWEST_LIMIT}`,
            [jobClass, toDbTime(from), toDbTime(to)],
          );
          expect(ours.slowest.map((e) => e.id)).toEqual(slow.map((r) => r.id));
          for (let i = 1; i < ours.slowest.length; i += 1) expect(ours.slowest[i]!.ms).toBeLessThanOrEqual(ours.slowest[i - 1]!.ms);
        }
      });
    });
  }

  it('finds a class with jobs but none in the window as known and empty, an unknown one as unknown', async () => {
    expect(await jobClassExists(s.db, 'PerfIdleJob')).toBe(true);
    expect(await jobClassExists(s.db, 'NoSuchJob')).toBe(false);
    const idle = await getClassPerformance(s.db, 'PerfIdleJob', { window: '1h', now });
    expect(idle.stat.executions).toBe(0);
    expect(idle.histogram.every((h) => h.count === 0)).toBe(true);
    expect(idle.slowest).toEqual([]);
  });

  it('reads a sample when the window holds more than the cap, and says so', async () => {
    const overview = await getPerformanceOverview(s.db, { window: '30d', now, cap: 5, sampleRows: 2 });
    expect(overview.sampled).toBe(true);
    expect(overview.percent).toBeLessThan(100);
    const page = await getClassPerformance(s.db, 'PerfAlphaJob', { window: '30d', now, cap: 5, sampleRows: 2 });
    expect(page.sampled).toBe(true);
    // A full sample (every page) reads exactly what the exact path does.
    const full = await getPerformanceOverview(s.db, { window: '30d', now, cap: 5, sampleRows: 1e9 });
    expect(full).toMatchObject({ sampled: true, percent: 100 });
    const exact = await getPerformanceOverview(s.db, { window: '30d', now });
    expect(full.executions).toBe(exact.executions);
  });
});

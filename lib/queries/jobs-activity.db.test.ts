import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_JOB_FILTER, parseJobFilter, type JobFilter } from '../domain/job-filter';
import type { JobStatus } from '../domain/job-state';
import { toDbTime } from '../domain/time';
import { insertJob } from '../testing/factories';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { getJobsActivity } from './jobs-activity';
import { HOUR_MS } from '../read-models/jobs-activity';
import { countJobsByState, listJobs } from './jobs';

// Any moment will do: the recorded database is moved to it, and the factory rows are placed relative to it.
const NOW = new Date('2026-06-15T12:34:56.789Z');
const HOUR_START = new Date('2026-06-15T12:00:00Z');
const FROM = new Date(HOUR_START.getTime() - 23 * HOUR_MS);
const TO = new Date(HOUR_START.getTime() + HOUR_MS);
const at = (ms: number) => toDbTime(new Date(ms));
const filter = (over: Partial<JobFilter>): JobFilter => ({ ...EMPTY_JOB_FILTER, ...over });

/** Counts per hour and queue over [FROM, TO), written apart from the module (`where` names columns of good_jobs). */
async function expected(s: ScratchDb, where = 'TRUE', since = FROM) {
  const { rows } = await s.pool.query<{ hour: string; queue: string | null; count: number }>(
    `SELECT to_char(date_trunc('hour', scheduled_at), 'YYYY-MM-DD"T"HH24:00:00.000"Z"') AS hour, queue_name AS queue, count(*)::int AS count
     FROM good_jobs WHERE scheduled_at >= $1 AND scheduled_at < $2 AND (${where})
     GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST`,
    [toDbTime(since), toDbTime(TO)],
  );
  return rows;
}

const sorted = (counts: { hour: Date; queue: string | null; count: number }[]) =>
  counts
    .map((c) => ({ hour: c.hour.toISOString(), queue: c.queue, count: c.count }))
    .sort((a, b) => a.hour.localeCompare(b.hour) || (a.queue === null ? 1 : b.queue === null ? -1 : a.queue.localeCompare(b.queue)));

describe("jobs per hour and queue (GoodJob's ScheduledByQueueChart) on GoodJob's own database plus factory rows", () => {
  let s: ScratchDb;
  beforeAll(async () => {
    s = await createScratchDb({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql'), now: NOW });
    const states: JobStatus[] = ['succeeded', 'discarded', 'queued', 'scheduled'];
    const queues = ['alpha', 'beta', null, 'gamma'];
    // Every third hour of the window, a few jobs per queue, state and class; and the window's edges.
    for (let h = 0; h < 24; h += 3) {
      for (const [i, queue] of queues.entries()) {
        for (let k = 0; k <= (h + i) % 3; k++) {
          await insertJob(s.pool, states[(h + i + k) % states.length]!, {
            queue_name: queue,
            job_class: k % 2 === 0 ? 'ActivityJob' : 'OtherJob',
            scheduled_at: at(FROM.getTime() + h * HOUR_MS + k * 600_000 + i * 1000),
          });
        }
      }
    }
    await insertJob(s.pool, 'succeeded', { queue_name: 'alpha', scheduled_at: at(FROM.getTime()) });
    await insertJob(s.pool, 'succeeded', { queue_name: 'alpha', scheduled_at: at(FROM.getTime() - 1) });
    await insertJob(s.pool, 'scheduled', { queue_name: 'alpha', scheduled_at: at(TO.getTime() - 1) });
    await insertJob(s.pool, 'scheduled', { queue_name: 'alpha', scheduled_at: at(TO.getTime()) });
  }, 60_000);
  afterAll(() => s?.drop());

  it('counts every hour × queue of the last 24 whole hours as SQL written independently does', async () => {
    const activity = await getJobsActivity(s.db, EMPTY_JOB_FILTER, NOW);
    expect(activity.from).toEqual(FROM);
    expect(activity.to).toEqual(TO);
    expect(activity.incompleteBefore).toBeNull();
    const want = await expected(s);
    expect(sorted(activity.counts)).toEqual(want);
    // The recorded database has jobs in the window too, and the edges count on the right side.
    expect(want.some((r) => !['alpha', 'beta', 'gamma', null].includes(r.queue))).toBe(true);
    expect(want.find((r) => r.hour === FROM.toISOString() && r.queue === 'alpha')?.count).toBeGreaterThan(0);
  });

  it('follows the list’s filters: state, class, queue, and both together', async () => {
    const cases: [Partial<JobFilter>, string][] = [
      [{ state: 'discarded' }, 'finished_at IS NOT NULL AND error IS NOT NULL'],
      [{ state: 'succeeded' }, 'finished_at IS NOT NULL AND error IS NULL'],
      [{ jobClass: 'ActivityJob' }, "job_class = 'ActivityJob'"],
      [{ queue: 'beta' }, "queue_name = 'beta'"],
      [{ state: 'succeeded', jobClass: 'OtherJob' }, "finished_at IS NOT NULL AND error IS NULL AND job_class = 'OtherJob'"],
    ];
    for (const [over, where] of cases) {
      const activity = await getJobsActivity(s.db, filter(over), NOW);
      const want = await expected(s, where);
      expect(want.length, where).toBeGreaterThan(0);
      expect(sorted(activity.counts), where).toEqual(want);
    }
  });

  it('reads at most the cap, latest first, and says from when on its counts are exact', async () => {
    const { rows } = await s.pool.query<{ t: string }>(
      `SELECT to_char(scheduled_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS t FROM good_jobs WHERE scheduled_at >= $1 AND scheduled_at < $2 ORDER BY scheduled_at DESC`,
      [toDbTime(FROM), toDbTime(TO)],
    );
    const cap = Math.floor(rows.length / 2);
    const oldestRead = new Date(rows[cap]!.t);
    const exactFrom = new Date(Math.floor(oldestRead.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
    const activity = await getJobsActivity(s.db, EMPTY_JOB_FILTER, NOW, cap);
    expect(activity.incompleteBefore).toEqual(exactFrom);
    expect(activity.counts.reduce((n, c) => n + c.count, 0)).toBe(cap + 1);
    const exact = sorted(activity.counts.filter((c) => c.hour >= exactFrom));
    expect(exact).toEqual(await expected(s, 'TRUE', exactFrom));
    expect(exact.length).toBeGreaterThan(0);
    const uncapped = await getJobsActivity(s.db, EMPTY_JOB_FILTER, NOW, rows.length);
    expect(uncapped.incompleteBefore).toBeNull();
  });

  it('a bar’s link (queue + scheduled_after / scheduled_before) lists exactly that bar’s jobs', async () => {
    const activity = await getJobsActivity(s.db, filter({ state: 'succeeded' }), NOW);
    const bars = activity.counts.filter((c) => c.queue !== null);
    expect(bars.length).toBeGreaterThan(3);
    for (const bar of bars) {
      const linked = parseJobFilter({
        state: 'succeeded',
        queue: bar.queue!,
        scheduled_after: bar.hour.toISOString(),
        scheduled_before: new Date(bar.hour.getTime() + HOUR_MS).toISOString(),
      });
      const counts = await countJobsByState(s.db, linked, NOW);
      expect(counts.succeeded, `${bar.queue} ${bar.hour.toISOString()}`).toEqual({ value: bar.count, estimated: false });
      const page = await listJobs(s.db, linked, { after: null, before: null }, NOW);
      if (page.kind !== 'page') throw new Error('search timeout');
      expect(page.rows).toHaveLength(Math.min(bar.count, 50));
    }
  });

  it('scheduled_after is inclusive and scheduled_before exclusive', async () => {
    const edge = (over: Record<string, string>) => countJobsByState(s.db, parseJobFilter({ queue: 'alpha', ...over }), NOW).then((c) => c.all.value);
    const { rows } = await s.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM good_jobs WHERE queue_name = 'alpha' AND scheduled_at = $1`, [toDbTime(FROM)]);
    expect(rows[0]!.n).toBe(2);
    const exactly = { scheduled_after: FROM.toISOString(), scheduled_before: new Date(FROM.getTime() + 1).toISOString() };
    expect(await edge(exactly)).toBe(2);
    expect(await edge({ scheduled_after: new Date(FROM.getTime() + 1).toISOString(), scheduled_before: new Date(FROM.getTime() + 999).toISOString() })).toBe(0);
    expect(await edge({ scheduled_after: new Date(FROM.getTime() - 1).toISOString(), scheduled_before: FROM.toISOString() })).toBe(1);
  });
});

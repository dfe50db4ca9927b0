// The per-queue read's caps, on GoodJob's own database: a queue with more unfinished jobs than its share is marked
// capped and its counts are lower bounds read from its earliest scheduled jobs; the oldest queued age stays exact.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDbTime } from '../domain/time';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { listQueueStats, QUEUE_READ_LIMITS } from './queue-stats';

let s: ScratchDb;
const now = new Date();

beforeAll(async () => {
  s = await createScratchDb({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql'), now });
});
afterAll(async () => {
  await s?.drop();
});

async function unfinishedPerQueue(): Promise<Record<string, number>> {
  const { rows } = await s.pool.query<{ queue: string; n: number }>(
    `SELECT queue_name AS queue, count(*)::int AS n FROM good_jobs WHERE finished_at IS NULL AND queue_name IS NOT NULL GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.queue, r.n]));
}

describe('listQueueStats limits', () => {
  it('shares its read among the queues: 20,000 rows in all, 200 to 10,000 per queue', () => {
    expect(QUEUE_READ_LIMITS).toEqual({ total: 20_000, min: 200, max: 10_000 });
  });

  it('marks a queue with more unfinished jobs than its share as capped, with lower bounds, the due jobs first', async () => {
    const unfinished = await unfinishedPerQueue();
    expect(Math.max(...Object.values(unfinished))).toBeGreaterThan(2);
    const full = await listQueueStats(s.db, now);
    const capped = await listQueueStats(s.db, now, { total: 2, min: 2, max: 2 });
    expect(capped.map((q) => q.queue)).toEqual(full.map((q) => q.queue));
    for (const q of capped) {
      const exact = full.find((f) => f.queue === q.queue)!;
      const total = unfinished[q.queue]!;
      expect(q.capped, q.queue).toBe(total > 2);
      expect(q.oldestQueuedAgeSeconds, q.queue).toBe(exact.oldestQueuedAgeSeconds);
      const counts = [q.queued, q.scheduled, q.retried, q.running];
      expect(counts.reduce((a, b) => a + b, 0), q.queue).toBe(Math.min(total, 3));
      for (const state of ['queued', 'scheduled', 'retried', 'running'] as const) expect(q[state], `${q.queue} ${state}`).toBeLessThanOrEqual(exact[state]);
      // Read in scheduled_at order: the due jobs (queued, running) are counted before any future one.
      const due = exact.queued + exact.running;
      expect(q.queued + q.running, q.queue).toBe(Math.min(due, 3));
    }
  });

  it('shares the total among the queues within the per-queue bounds', async () => {
    const unfinished = await unfinishedPerQueue();
    const queues = Object.keys(unfinished).length;
    expect(queues).toBeGreaterThan(1);
    // total / queues per queue, here exactly 1 each: every queue with 2 or more unfinished jobs is capped.
    const shared = await listQueueStats(s.db, now, { total: queues, min: 1, max: 10 });
    for (const q of shared) expect(q.capped, q.queue).toBe(unfinished[q.queue]! > 1);
    const floor = await listQueueStats(s.db, now, { total: 0, min: 5, max: 10 });
    for (const q of floor) expect(q.capped, q.queue).toBe(unfinished[q.queue]! > 5);
  });

  it('lists only queues with unfinished jobs, and reads as of the given now', async () => {
    const { rows: all } = await s.pool.query<{ queue: string }>(`SELECT DISTINCT queue_name AS queue FROM good_jobs ORDER BY 1`);
    const open = Object.keys(await unfinishedPerQueue()).sort();
    expect(all.length).toBeGreaterThan(open.length); // the fixture has queues whose jobs all finished (cron, callbacks)
    expect((await listQueueStats(s.db, now)).map((q) => q.queue)).toEqual(open);
    const earlier = new Date(now.getTime() - 365 * 24 * 3600 * 1000);
    const { rows } = await s.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM good_jobs WHERE finished_at IS NULL AND created_at <= $1::timestamp`, [toDbTime(earlier)]);
    expect(rows[0]!.n).toBe(0);
    for (const q of await listQueueStats(s.db, earlier)) {
      expect(q.queued, q.queue).toBe(0);
      expect(q.oldestQueuedAgeSeconds, q.queue).toBeNull();
    }
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchEta, THROUGHPUT_WINDOW_MS } from '../domain/batch-eta';
import { toDbTime } from '../domain/time';
import { ROOT, type ScratchDb } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { batchDurations } from './batch-durations';
import type { Spread } from '../read-models/batch-durations';

/** Microseconds since the epoch of a database timestamp text (UTC), or of an interval text: no millisecond rounding. */
const micros = (text: string) => {
  const [date, time] = text.split(' ') as [string, string];
  const [h, m, s] = time.split(':') as [string, string, string];
  const [whole, fraction = ''] = s.split('.');
  return Date.parse(`${date}T${h}:${m}:${whole}Z`) * 1000 + Number(fraction.padEnd(6, '0'));
};
const intervalMicros = (text: string) => micros(`1970-01-01 ${text}`);

/** percentile_cont as PostgreSQL defines it: linear interpolation between the two nearest ranks. */
function percentile(sorted: number[], f: number): number {
  const pos = f * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}
const spreadOf = (values: number[]): Spread | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1]! };
};
const expectSpread = (ours: Spread | null, theirs: Spread | null, label: string) => {
  if (theirs === null) return expect(ours, label).toBeNull();
  for (const k of ['p50', 'p95', 'max'] as const) expect(ours?.[k], `${label} ${k}`).toBeCloseTo(theirs[k], 6);
};

type Execution = { created_at: string; scheduled_at: string | null; finished_at: string | null; duration: string | null; error_event: number | null };

/** The spreads computed in JavaScript from the raw rows of every execution of the batch's jobs (no sample, no SQL arithmetic). */
async function independently(s: ScratchDb, batchId: string) {
  const { rows } = await s.pool.query<Execution>(
    `SELECT created_at, scheduled_at, finished_at, duration::text AS duration, error_event FROM good_job_executions
     WHERE active_job_id IN (SELECT active_job_id FROM good_jobs WHERE batch_id = $1)`,
    [batchId],
  );
  const runtimes = rows
    .filter((e) => e.finished_at !== null && e.error_event !== 0)
    .map((e) => (e.duration !== null ? intervalMicros(e.duration) : micros(e.finished_at!) - micros(e.created_at)) / 1000);
  const waits = rows.filter((e) => e.scheduled_at !== null).map((e) => Math.max(0, (micros(e.created_at) - micros(e.scheduled_at!)) / 1000));
  return { executions: rows.length, runtime: spreadOf(runtimes), wait: spreadOf(waits) };
}

describe("batch durations on GoodJob's own database (goodjob-real.sql)", () => {
  // The dump's recording moment is moved to NOW (whole seconds): its in-progress batch was created ~2 minutes before.
  const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql'), now: NOW });

  it('gives every batch the runtime and time-in-queue spreads and counts that SQL written independently gives', async () => {
    const { rows: batches } = await s.pool.query<{ id: string; finished: boolean }>('SELECT id, finished_at IS NOT NULL AS finished FROM good_job_batches');
    expect(batches).toHaveLength(6);
    for (const { id, finished } of batches) {
      const ours = (await batchDurations(s.db, id, NOW))!;
      const theirs = await independently(s, id);
      const { rows } = await s.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM good_jobs WHERE batch_id = $1', [id]);
      expect({ jobs: ours.jobs, executions: ours.executions, sampled: ours.sampled }, id).toEqual({ jobs: rows[0]!.n, executions: theirs.executions, sampled: false });
      expectSpread(ours.runtime, theirs.runtime, `${id} runtime`);
      expectSpread(ours.wait, theirs.wait, `${id} wait`);
      expect(ours.throughput === null, id).toBe(finished);
    }
    // GoodJob's numbers for its discarded batch: 3 jobs, 8 executions, the longest 36.835 ms (duration 00:00:00.036835)
    // after 5.577525 s in the queue (a retry's wait).
    const dead = (await batchDurations(s.db, '763b0473-5c02-4228-b2ee-f7ea084bdfaf', NOW))!;
    expect(dead).toMatchObject({ jobs: 3, executions: 8, sampled: false, throughput: null });
    expect(dead.runtime!.max).toBeCloseTo(36.835, 6);
    expect(dead.wait!.max).toBeCloseTo(5577.525, 6);
  });

  it('gives the unfinished batch the finished and remaining counts that SQL written independently gives', async () => {
    const id = '719e79b5-1b93-47ed-9679-94015b4440c0';
    const ours = (await batchDurations(s.db, id, NOW))!;
    const { rows } = await s.pool.query<{ created_at: string; in_window: number; remaining: number }>(
      `SELECT b.created_at,
              (SELECT count(*)::int FROM good_jobs j WHERE j.batch_id = b.id AND j.finished_at BETWEEN $2::timestamp - interval '10 minutes' AND $2::timestamp) AS in_window,
              (SELECT count(*)::int FROM good_jobs j WHERE j.batch_id = b.id AND j.finished_at IS NULL) AS remaining
       FROM good_job_batches b WHERE b.id = $1`,
      [id, toDbTime(NOW)],
    );
    const batch = rows[0]!;
    expect(batch).toMatchObject({ in_window: 1, remaining: 2 });
    expect(ours.throughput).toMatchObject({ finishedInWindow: batch.in_window, remaining: batch.remaining, remainingEstimated: false });
    // Younger than the window: its age (about 2 minutes), to the millisecond.
    expect(ours.throughput!.windowMs).toBe(NOW.getTime() - Math.floor(micros(batch.created_at) / 1000));
    expect(ours.throughput!.windowMs).toBeLessThan(THROUGHPUT_WINDOW_MS);
    // Its remaining jobs are scheduled in hours and days: the estimate is the latest of them, not the pace.
    const eta = batchEta(ours.throughput, NOW)!;
    expect(eta.basis).toBe('scheduled');
    const { rows: last } = await s.pool.query<{ at: string }>(`SELECT max(scheduled_at) AS at FROM good_jobs WHERE batch_id = $1 AND finished_at IS NULL`, [id]);
    expect(eta.at.getTime()).toBe(Math.floor(micros(last[0]!.at) / 1000));
  });

  it('reads a bounded sample of a big batch and says so', async () => {
    const id = '763b0473-5c02-4228-b2ee-f7ea084bdfaf';
    const { rows } = await s.pool.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM good_job_executions e WHERE e.active_job_id = j.active_job_id)::int AS n FROM good_jobs j WHERE j.batch_id = $1',
      [id],
    );
    const one = (await batchDurations(s.db, id, NOW, 1))!;
    expect(one).toMatchObject({ jobs: 1, sampled: true });
    expect(rows.map((r) => r.n)).toContain(one.executions);
    const two = (await batchDurations(s.db, id, NOW, 2))!;
    expect(two).toMatchObject({ jobs: 2, sampled: true });
    expect(await batchDurations(s.db, id, NOW, 3)).toMatchObject({ jobs: 3, executions: 8, sampled: false });
  });

  it('answers null for a batch that does not exist', async () => {
    expect(await batchDurations(s.db, '00000000-0000-4000-8000-000000000000', NOW)).toBeNull();
  });
});

describe('throughput and estimated finish of batches built for it', () => {
  const NOW = new Date('2026-11-22T12:00:00.000Z');
  const at = (ms: number) => toDbTime(new Date(NOW.getTime() + ms));
  const MIN = 60_000;
  const s = scratchDbForSuite();

  async function batch(createdAt: string, finishedAt: string | null = null): Promise<string> {
    const { rows } = await s.pool.query<{ id: string }>(
      `INSERT INTO good_job_batches (id, created_at, updated_at, enqueued_at, finished_at) VALUES (gen_random_uuid(), $1, $1, $1, $2) RETURNING id`,
      [createdAt, finishedAt],
    );
    return rows[0]!.id;
  }
  /** `count` jobs of the batch, finished at the times given (null: unfinished), scheduled at `scheduledAt`. */
  async function jobs(batchId: string, finishedAt: (i: number) => string | null, count: number, scheduledAt = at(-2 * 60 * MIN)) {
    await s.pool.query(
      `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, job_class, created_at, updated_at, scheduled_at, performed_at, finished_at, batch_id, executions_count)
       SELECT gen_random_uuid(), gen_random_uuid(), 'default', 0, 'EtaJob', $1, $1, $2, f, f, $4, 1 FROM unnest($3::timestamp[]) AS f`,
      [at(-2 * 60 * MIN), scheduledAt, Array.from({ length: count }, (_, i) => finishedAt(i)), batchId],
    );
  }

  it('estimates an old batch’s finish from its last 10 minutes over the whole batch', async () => {
    const id = await batch(at(-60 * MIN));
    await jobs(id, (i) => at(-(i + 1) * 15_000), 30); // 30 in the last 7.5 minutes
    await jobs(id, () => at(-20 * MIN), 40); // earlier: not in the window
    await jobs(id, () => at(MIN), 1); // "after now" (a clock ahead): not counted
    await jobs(id, () => null, 60);
    const d = (await batchDurations(s.db, id, NOW, 5))!;
    expect(d.sampled).toBe(true);
    expect(d.throughput).toEqual({ finishedInWindow: 30, windowMs: 10 * MIN, remaining: 60, remainingEstimated: false, lastScheduledAt: '2026-11-22 10:00:00' });
    // 3 a minute, 60 left: in 20 minutes.
    expect(batchEta(d.throughput, NOW)).toEqual({ at: new Date(NOW.getTime() + 20 * MIN), perMinute: 3, windowMs: 10 * MIN, remaining: 60, basis: 'rate' });
  });

  it('measures a young batch over its age, and waits for a job scheduled later', async () => {
    const id = await batch(at(-2 * MIN));
    await jobs(id, (i) => at(-(i + 1) * 10_000), 10); // 10 in its 2 minutes: 5 a minute
    await jobs(id, () => null, 5);
    const d = (await batchDurations(s.db, id, NOW))!;
    expect(d.throughput).toMatchObject({ finishedInWindow: 10, windowMs: 2 * MIN, remaining: 5 });
    expect(batchEta(d.throughput, NOW)).toMatchObject({ at: new Date(NOW.getTime() + MIN), perMinute: 5, basis: 'rate' });
    await jobs(id, () => null, 1, at(24 * 60 * MIN));
    const later = (await batchDurations(s.db, id, NOW))!;
    expect(batchEta(later.throughput, NOW)).toMatchObject({ at: new Date(NOW.getTime() + 24 * 60 * MIN), basis: 'scheduled', remaining: 6 });
  });

  it('has no estimate without a pace, with nothing left, or for a finished batch', async () => {
    const idle = await batch(at(-60 * MIN));
    await jobs(idle, () => at(-30 * MIN), 3);
    await jobs(idle, () => null, 3);
    const d = (await batchDurations(s.db, idle, NOW))!;
    expect(d.throughput).toMatchObject({ finishedInWindow: 0, remaining: 3 });
    expect(batchEta(d.throughput, NOW)).toBeNull();

    const done = await batch(at(-60 * MIN));
    await jobs(done, () => at(-MIN), 3);
    expect(batchEta((await batchDurations(s.db, done, NOW))!.throughput, NOW)).toBeNull(); // callbacks still to run: nothing left

    const finished = await batch(at(-60 * MIN), at(-MIN));
    await jobs(finished, () => at(-2 * MIN), 3);
    expect((await batchDurations(s.db, finished, NOW))!.throughput).toBeNull();
  });

  it('takes runtime from duration, else finished − performed, leaving out interrupted and running executions', async () => {
    const id = await batch(at(-60 * MIN), at(-MIN));
    const job = '8f7c4c2e-1111-4111-8111-000000000001';
    await s.pool.query(
      `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, job_class, created_at, updated_at, scheduled_at, performed_at, finished_at, batch_id, executions_count)
       VALUES ($1, $1, 'default', 0, 'EtaJob', $2, $2, $2, $2, NULL, $3, 4)`,
      [job, at(-10 * MIN), id],
    );
    const execution = (created: string, scheduled: string | null, finished: string | null, duration: string | null, errorEvent: number | null) =>
      s.pool.query(
        `INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, scheduled_at, finished_at, duration, error_event)
         VALUES (gen_random_uuid(), $1, $1, $2, 'EtaJob', 'default', $3, $4, $5::interval, $6)`,
        [created, job, scheduled, finished, duration, errorEvent],
      );
    await execution(at(-9 * MIN), at(-10 * MIN), at(-8 * MIN), '00:00:01.5', 3); // runtime 1.5 s (duration), waited 1 min
    await execution(at(-7 * MIN), at(-7.5 * MIN), at(-7 * MIN + 2_000), null, 3); // older row without duration: 2 s, waited 30 s
    await execution(at(-6 * MIN), at(-6 * MIN + 5_000), at(-5 * MIN), '00:00:00.001', 0); // interrupted: no runtime; started 5 s before due (clocks apart): waited 0
    await execution(at(-4 * MIN), null, null, null, null); // running, no scheduled_at: neither
    const d = (await batchDurations(s.db, id, NOW))!;
    expect(d).toMatchObject({ jobs: 1, executions: 4, sampled: false, throughput: null });
    expect(d.runtime).toEqual({ p50: 1750, p95: 1975, max: 2000 });
    expect(d.wait).toEqual({ p50: 30_000, p95: 57_000, max: 60_000 });
  });
});

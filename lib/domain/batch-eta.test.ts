import { describe, expect, it } from 'vitest';
import { batchEta, roundRate, THROUGHPUT_WINDOW_MS, throughputWindowMs, type ThroughputInputs } from './batch-eta';

const now = new Date('2026-11-22T12:00:00.000Z');
const MIN = 60_000;
const inputs = (over: Partial<ThroughputInputs> = {}): ThroughputInputs => ({
  finishedInWindow: 100,
  windowMs: 10 * MIN,
  remaining: 500,
  remainingEstimated: false,
  lastScheduledAt: null,
  ...over,
});

describe('throughputWindowMs', () => {
  it.each([
    ['an old batch: the last 10 minutes', '2026-11-22T10:00:00.000Z', THROUGHPUT_WINDOW_MS],
    ['exactly 10 minutes old', '2026-11-22T11:50:00.000Z', THROUGHPUT_WINDOW_MS],
    ['a batch 3 minutes old: its age', '2026-11-22T11:57:00.000Z', 3 * MIN],
    ['created this moment', '2026-11-22T12:00:00.000Z', 0],
    ['created "in the future" (clock skew)', '2026-11-22T12:00:05.000Z', 0],
  ])('%s', (_, createdAt, expected) => {
    expect(throughputWindowMs(new Date(createdAt), now)).toBe(expected);
  });
});

describe('roundRate', () => {
  it.each([
    [84.4, 84],
    [10, 10],
    [9.84, 9.8],
    [1.25, 1.3],
    [0.1, 0.1],
    [0.123, 0.12],
  ])('%s → %s', (rate, expected) => {
    expect(roundRate(rate)).toBe(expected);
  });
});

describe('batchEta', () => {
  it.each<[string, ThroughputInputs | null, { at: string; perMinute: number; basis: string } | null]>([
    ['a finished batch: nothing', null, null],
    ['nothing left: nothing', inputs({ remaining: 0 }), null],
    ['nothing finished in the window: no pace, nothing', inputs({ finishedInWindow: 0 }), null],
    ['no window yet (created this moment): nothing', inputs({ windowMs: 0 }), null],
    ['100 in 10 min, 500 left: in 50 min', inputs(), { at: '2026-11-22T12:50:00.000Z', perMinute: 10, basis: 'rate' }],
    ['a young batch: 30 in its 3 minutes, 20 left: in 2 min', inputs({ finishedInWindow: 30, windowMs: 3 * MIN, remaining: 20 }), { at: '2026-11-22T12:02:00.000Z', perMinute: 10, basis: 'rate' }],
    ['a slow pace: 1 in 10 min, 3 left: in 30 min', inputs({ finishedInWindow: 1, remaining: 3 }), { at: '2026-11-22T12:30:00.000Z', perMinute: 0.1, basis: 'rate' }],
    ['a fraction of a millisecond rounds up', inputs({ finishedInWindow: 7, windowMs: 1000, remaining: 1 }), { at: '2026-11-22T12:00:00.143Z', perMinute: 420, basis: 'rate' }],
    [
      'a job scheduled after the pace would finish: its time',
      inputs({ lastScheduledAt: '2026-11-23 08:00:00.123456' }),
      { at: '2026-11-23T08:00:00.123Z', perMinute: 10, basis: 'scheduled' },
    ],
    ['a job scheduled before the pace would finish: the pace', inputs({ lastScheduledAt: '2026-11-22 12:10:00' }), { at: '2026-11-22T12:50:00.000Z', perMinute: 10, basis: 'rate' }],
    ['more left than counted: the earliest it can be', inputs({ remaining: 100_001, remainingEstimated: true }), { at: '2026-11-29T10:40:06.000Z', perMinute: 10, basis: 'atLeast' }],
    [
      'more left than counted, a later scheduled job: still "at least"',
      inputs({ remaining: 100_001, remainingEstimated: true, lastScheduledAt: '2027-01-01 00:00:00' }),
      { at: '2027-01-01T00:00:00.000Z', perMinute: 10, basis: 'atLeast' },
    ],
  ])('%s', (_, input, expected) => {
    const eta = batchEta(input, now);
    expect(eta === null ? null : { at: eta.at.toISOString(), perMinute: eta.perMinute, basis: eta.basis }).toEqual(expected);
    if (eta && input) expect({ windowMs: eta.windowMs, remaining: eta.remaining }).toEqual({ windowMs: input.windowMs, remaining: input.remaining });
  });

  it('never lies before now', () => {
    const eta = batchEta(inputs({ lastScheduledAt: '2026-11-22 11:00:00' }), now)!;
    expect(eta.at.getTime()).toBeGreaterThan(now.getTime());
  });
});

import { describe, expect, it } from 'vitest';
import { bucketRanges, bucketStepMs, executionOutcome, rowHeight, timelineSpan } from './timeline';

const at = (iso: string) => new Date(iso);

describe('bucketStepMs', () => {
  it('picks the smallest nameable step that needs at most 60 buckets', () => {
    expect(bucketStepMs(30_000)).toBe(1_000);
    expect(bucketStepMs(60_000)).toBe(1_000);
    expect(bucketStepMs(61_000)).toBe(2_000);
    expect(bucketStepMs(3_600_000)).toBe(60_000);
    expect(bucketStepMs(3_600_001)).toBe(120_000);
    expect(bucketStepMs(86_400_000)).toBe(1_800_000);
    expect(bucketStepMs(0)).toBe(1_000);
  });
  it('never makes more buckets than asked, however long the batch ran', () => {
    for (const span of [1, 999, 59_999, 7_777_777, 86_400_000 * 40, 86_400_000 * 3650]) {
      expect(Math.ceil(span / bucketStepMs(span))).toBeLessThanOrEqual(60);
    }
    expect(Math.ceil(100_000 / bucketStepMs(100_000, 10))).toBeLessThanOrEqual(10);
  });
});

describe('timelineSpan', () => {
  const now = at('2026-12-02T12:00:00Z');
  it('runs from creation to finish, or to now while unfinished', () => {
    expect(timelineSpan({ created_at: at('2026-12-02T10:00:00Z'), finished_at: at('2026-12-02T11:00:00Z') }, [], now)).toEqual({ from: at('2026-12-02T10:00:00Z'), to: at('2026-12-02T11:00:00Z') });
    expect(timelineSpan({ created_at: at('2026-12-02T10:00:00Z'), finished_at: null }, [], now).to).toEqual(now);
  });
  it('widens to every point it draws, and is never empty', () => {
    const span = timelineSpan({ created_at: at('2026-12-02T10:00:00Z'), finished_at: at('2026-12-02T10:00:00Z') }, [at('2026-12-02T09:59:00Z'), null, at('2026-12-02T10:30:00Z')], now);
    expect(span).toEqual({ from: at('2026-12-02T09:59:00Z'), to: at('2026-12-02T10:30:00Z') });
    const instant = timelineSpan({ created_at: now, finished_at: now }, [], now);
    expect(instant.to.getTime() - instant.from.getTime()).toBe(1_000);
  });
});

describe('bucketRanges', () => {
  it('covers the span with whole steps from its start', () => {
    const ranges = bucketRanges({ from: at('2026-12-02T10:00:00Z'), to: at('2026-12-02T10:02:30Z') }, 60_000);
    expect(ranges.map((r) => [r.index, r.start.toISOString(), r.end.toISOString()])).toEqual([
      [0, '2026-12-02T10:00:00.000Z', '2026-12-02T10:01:00.000Z'],
      [1, '2026-12-02T10:01:00.000Z', '2026-12-02T10:02:00.000Z'],
      [2, '2026-12-02T10:02:00.000Z', '2026-12-02T10:03:00.000Z'],
    ]);
    expect(bucketRanges({ from: at('2026-12-02T10:00:00Z'), to: at('2026-12-02T10:00:00Z') }, 1_000)).toHaveLength(1);
  });
});

describe('executionOutcome and rowHeight', () => {
  it('colours an execution by what it left', () => {
    expect(executionOutcome({ finished_at: null, failed: false })).toBe('running');
    expect(executionOutcome({ finished_at: now(), failed: false })).toBe('succeeded');
    expect(executionOutcome({ finished_at: now(), failed: true })).toBe('failed');
    // GoodJob writes the error of an execution a worker lost without a finish.
    expect(executionOutcome({ finished_at: null, failed: true })).toBe('failed');
  });
  it('keeps rows between 4 and 16 units high', () => {
    expect(rowHeight(1)).toBe(16);
    expect(rowHeight(40)).toBe(8);
    expect(rowHeight(200)).toBe(4);
    expect(rowHeight(0)).toBe(16);
  });
});

function now() {
  return at('2026-12-02T12:00:00Z');
}

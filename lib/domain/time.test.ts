import { describe, expect, it } from 'vitest';
import { activeJobTimeLike } from './time';

describe('activeJobTimeLike', () => {
  it('writes enqueued_at with as many fraction digits as the earlier job had', () => {
    expect(activeJobTimeLike('2026-12-02 08:01:02.345678', '2026-11-22T12:09:00Z')).toBe('2026-12-02T08:01:02Z');
    expect(activeJobTimeLike('2026-12-02 08:01:02.345678', '2026-11-22T12:09:00.123456789Z')).toBe('2026-12-02T08:01:02.345678000Z');
    expect(activeJobTimeLike('2026-12-02 08:01:02.345678', '2026-11-22T12:09:00.123Z')).toBe('2026-12-02T08:01:02.345Z');
  });
  it('uses ActiveJob’s current format (nanoseconds) when there is nothing to copy', () => {
    expect(activeJobTimeLike('2026-12-02 08:01:02.3', undefined)).toBe('2026-12-02T08:01:02.300000000Z');
    expect(activeJobTimeLike('2026-12-02 08:01:02', 'garbage')).toBe('2026-12-02T08:01:02.000000000Z');
  });
});

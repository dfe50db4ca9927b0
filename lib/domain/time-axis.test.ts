import { describe, expect, it } from 'vitest';
import { timeAxis } from './time-axis';

describe('timeAxis', () => {
  const from = new Date('2026-12-02T10:00:00Z');
  const to = new Date('2026-12-02T11:00:00Z');
  it('maps the span onto the range and ticks at round moments inside it', () => {
    const axis = timeAxis(from, to, 40, 760, 'en', 'UTC');
    expect(axis.x(from)).toBe(40);
    expect(axis.x(to)).toBe(760);
    expect(axis.x(new Date('2026-12-02T10:30:00Z'))).toBe(400);
    expect(axis.ticks.map((t) => t.at.toISOString().slice(11, 16))).toEqual(['10:00', '10:15', '10:30', '10:45', '11:00']);
    expect(axis.ticks.map((t) => t.x)).toEqual([40, 220, 400, 580, 760]);
    expect(axis.ticks[1]!.label).toBe('10:15');
  });
  it('writes ticks in the page’s time zone and language, with seconds or days when the span needs them', () => {
    expect(timeAxis(from, to, 0, 100, 'ja', 'Asia/Tokyo').ticks[0]!.label).toBe('19:00');
    expect(timeAxis(from, new Date('2026-12-02T10:00:30Z'), 0, 100, 'ko', 'UTC').ticks[1]!.label).toMatch(/^10:00:05$|10시 00분 05초/);
    const days = timeAxis(from, new Date('2026-12-05T10:00:00Z'), 0, 100, 'ru', 'UTC');
    expect(days.ticks[0]!.label).toBe('02.12, 12:00');
  });
});

import { describe, expect, it } from 'vitest';
import { formatExactTime } from './format';
import { parseLive, parseTheme, parseTimeZone } from './preferences';

describe('formatExactTime', () => {
  const date = new Date('2026-03-06T20:06:07.999Z');
  it('prints UTC like GoodJob', () => expect(formatExactTime(date, 'UTC')).toBe('2026-03-06 20:06:07 UTC'));
  it('prints another zone with its name', () => {
    expect(formatExactTime(date, 'Asia/Tokyo')).toBe('2026-03-07 05:06:07 Asia/Tokyo');
    expect(formatExactTime(date, 'America/New_York')).toBe('2026-03-06 15:06:07 America/New_York');
  });
});

describe('preferences', () => {
  it('falls back to safe defaults', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('<script>')).toBe('system');
    expect(parseTimeZone('Asia/Seoul')).toBe('Asia/Seoul');
    expect(parseTimeZone('Mars/Olympus')).toBe('UTC');
    expect(parseTimeZone('"; drop')).toBe('UTC');
    expect(parseTimeZone(undefined)).toBe('UTC');
    expect(parseLive('1')).toBe(true);
    expect(parseLive('yes')).toBe(false);
  });
});

describe('durations', () => {
  it('parses PostgreSQL intervals', async () => {
    const { parseIntervalMs } = await import('./format');
    expect(parseIntervalMs('00:00:00.197491')).toBeCloseTo(197.491);
    expect(parseIntervalMs('1 day 02:00:00')).toBe(93_600_000);
    expect(parseIntervalMs('01:02:03')).toBe(3_723_000);
    expect(parseIntervalMs('soon')).toBeNull();
    expect(parseIntervalMs(null)).toBeNull();
  });
  it('prints them in the locale', async () => {
    const { formatDuration } = await import('./format');
    expect(formatDuration(250, 'en')).toBe('250 ms');
    expect(formatDuration(1234, 'en')).toBe('1.23 sec');
    expect(formatDuration(90_000, 'en')).toBe('1.5 min');
    expect(formatDuration(1234, 'ru')).toBe('1,23 с');
  });
});

describe('relative times and counts', () => {
  it('say what next-intl says, for every unit, both directions, in every locale', async () => {
    const { createFormatter } = await import('use-intl/core');
    const { formatRelativeTime } = await import('./format');
    const now = new Date('2026-11-22T12:00:00Z');
    const offsets = [0, 0.4, 1, 59, 61, 3599, 3601, 86_399, 90_000, 604_799, 700_000, 2_700_000, 31_000_000, 40_000_000, 400_000_000];
    for (const locale of ['en', 'ko', 'ja', 'ru'] as const) {
      const theirs = createFormatter({ locale, timeZone: 'UTC' });
      for (const s of offsets) {
        for (const sign of [1, -1]) {
          const date = new Date(now.getTime() + sign * s * 1000);
          expect(formatRelativeTime(date, now, locale)).toBe(theirs.relativeTime(date, now));
        }
      }
    }
    expect(formatRelativeTime(new Date('2026-11-22T11:57:00Z'), now, 'en')).toBe('3 minutes ago');
    expect(formatRelativeTime(new Date('2026-11-24T12:00:00Z'), now, 'ko')).toBe('2일 후');
  });
  it('print counts with the locale’s grouping', async () => {
    const { formatNumber } = await import('./format');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'ru')).toBe('1\u00a0234\u00a0567');
  });
});

describe('clip', () => {
  it('keeps short texts and cuts long ones with an ellipsis, never inside an emoji', async () => {
    const { clip } = await import('./format');
    expect(clip('Boom', 10)).toBe('Boom');
    expect(clip('x'.repeat(100_000), 300)).toBe(`${'x'.repeat(300)}…`);
    expect(clip('ab😀cd', 3)).toBe('ab…');
  });
});

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
    // One script per language: never "14 ms" beside "5.58 秒".
    expect([formatDuration(14, 'ja'), formatDuration(5580, 'ja')]).toEqual(['14 ミリ秒', '5.58 秒']);
    expect([formatDuration(14, 'ko'), formatDuration(5580, 'ko')]).toEqual(['14밀리초', '5.58초']);
  });
});

describe('relative times and counts', () => {
  it('say what next-intl says away from unit boundaries, for every unit, both directions, in every locale', async () => {
    const { createFormatter } = await import('next-intl');
    const { formatRelativeTime } = await import('./format');
    const now = new Date('2026-11-22T12:00:00Z');
    const offsets = [0, 0.4, 1, 59, 61, 3500, 3601, 80_000, 90_000, 500_000, 700_000, 2_400_000, 2_700_000, 28_000_000, 40_000_000, 400_000_000];
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
  it('round once: a distance that rounds up to the next unit is said in that unit', async () => {
    const { formatRelativeTime } = await import('./format');
    const now = new Date('2026-11-22T12:00:00Z');
    const ago = (seconds: number, locale: string) => formatRelativeTime(new Date(now.getTime() - seconds * 1000), now, locale);
    expect(ago(6.6 * 86_400, 'ja')).toBe('1 週間前');
    expect(ago(7.2 * 86_400, 'ja')).toBe('1 週間前');
    expect(ago(6.4 * 86_400, 'ja')).toBe('6 日前');
    expect(ago(59.6, 'en')).toBe('1 minute ago');
    expect(ago(3599, 'en')).toBe('1 hour ago');
    expect(ago(23.7 * 3600, 'ru')).toBe('1 день назад');
    expect(ago(364 * 86_400, 'ko')).toBe('1년 전');
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

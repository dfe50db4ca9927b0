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

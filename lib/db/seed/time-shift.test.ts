import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORDED_AT, recordedSqlAt, shiftSecondsTo, shiftSqlTimes } from './time-shift.mjs';

const ROOT = join(__dirname, '../../..');
const TIMES = /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?/g;

describe('shiftSqlTimes', () => {
  it('moves column values and JSON times by whole seconds, keeping their sub-second digits and format', () => {
    const sql = `'2026-11-22 12:09:46.354845', {"enqueued_at": "2026-11-22T12:09:00Z", "at": "2026-11-22T12:09:24.569Z"}`;
    expect(shiftSqlTimes(sql, 3600 * 24 * 10 + 15)).toBe(
      `'2026-12-02 12:10:01.354845', {"enqueued_at": "2026-12-02T12:09:15Z", "at": "2026-12-02T12:09:39.569Z"}`,
    );
  });

  it('crosses months, years and leap days, backwards too', () => {
    expect(shiftSqlTimes('2026-12-31 23:59:59.5', 1)).toBe('2027-01-01 00:00:00.5');
    expect(shiftSqlTimes('2028-03-01 00:00:00', -1)).toBe('2028-02-29 23:59:59');
  });

  it('leaves everything that is not a timestamp alone: durations, ids, numbers', () => {
    const sql = `00:00:00.197491\t20240101000000\t719e79b5-1b93-47ed-9679-94015b4440c0\t2026-11-22`;
    expect(shiftSqlTimes(sql, 86_400)).toBe(sql);
  });

  it('refuses fractions of a second, which would change the recorded digits', () => {
    expect(() => shiftSqlTimes('', 1.5)).toThrow(/whole seconds/);
  });
});

describe('recordedSqlAt', () => {
  it('makes the recording moment now, whatever day the tests run', () => {
    const now = new Date('2031-06-15T08:00:00.250Z');
    expect(shiftSecondsTo(now)).toBe(Math.round((now.getTime() - RECORDED_AT.getTime()) / 1000));
    const shifted = recordedSqlAt(readFileSync(join(ROOT, 'lib/db/seed/goodjob-real-inserts.sql'), 'utf8'), now);
    const times = [...shifted.matchAll(TIMES)].map((m) => Date.parse(`${m[0].replace(' ', 'T')}Z`));
    // The newest past time in the recording is the running job's start, about 1.2 s before the dump was taken.
    const newestPast = Math.max(...times.filter((t) => t <= now.getTime()));
    expect(now.getTime() - newestPast).toBeLessThan(3_000);
    // The jobs scheduled in 2 hours, 5 hours, 1 day, 3 days and 1 week are still ahead.
    const ahead = times.filter((t) => t > now.getTime()).map((t) => Math.round((t - now.getTime()) / 3_600_000));
    expect(ahead.sort((a, b) => a - b)).toEqual([2, 5, 24, 72, 168]);
  });
});

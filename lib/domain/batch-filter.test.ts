import { describe, expect, it } from 'vitest';
import { parseBatchFilter, parseCreatedAt, wallClock } from './batch-filter';

const iso = (value: string, zone: string) => parseCreatedAt(value, zone)?.toISOString() ?? null;

describe('parseBatchFilter', () => {
  it('reads the state, the search, the callback class and the created-at range', () => {
    const q = parseBatchFilter(
      { state: 'discarded', q: ' example ', callback: ' ExampleJob::BatchJob::CallbackJob ', created_after: '2026-12-01T10:00', created_before: '2026-12-02', other: 'x' },
      'UTC',
    );
    expect(q.filter).toEqual({
      state: 'discarded',
      search: 'example',
      callback: 'ExampleJob::BatchJob::CallbackJob',
      createdAfter: new Date('2026-12-01T10:00:00Z'),
      createdBefore: new Date('2026-12-02T00:00:00Z'),
    });
    expect(q.params).toEqual({ state: 'discarded', q: 'example', callback: 'ExampleJob::BatchJob::CallbackJob', created_after: '2026-12-01T10:00', created_before: '2026-12-02' });
    expect(q.inputs).toEqual({ createdAfter: '2026-12-01T10:00', createdBefore: '2026-12-02T00:00' });
  });

  it('is empty without parameters, and takes the first of repeated ones', () => {
    const q = parseBatchFilter({}, 'Asia/Seoul');
    expect(q.filter).toEqual({ state: null, search: null, callback: null, createdAfter: null, createdBefore: null });
    expect(Object.values(q.params).every((v) => v === null)).toBe(true);
    expect(q.inputs).toEqual({ createdAfter: null, createdBefore: null });
    expect(parseBatchFilter({ callback: ['A', 'B'] }, 'UTC').filter.callback).toBe('A');
  });

  it('ignores malformed values: no filter, and no parameter kept in links', () => {
    for (const bad of ['yesterday', '', '   ', '2026-12', '2026-13-01', '2026-02-30', '2026-12-01T24:00', '2026-12-01T10:60', '2026-12-01T10:00:60', '2026-12-01 10:00', '2026-12-01T10', '0000-01-01', '10000-01-01', '2026-12-01T10:00+24:00', '2026-12-01T10:00+09', '2026-12-01Z', '9999-12-31T23:00-05:00']) {
      const q = parseBatchFilter({ created_after: bad, created_before: bad }, 'UTC');
      expect(q.filter.createdAfter, bad).toBeNull();
      expect(q.filter.createdBefore, bad).toBeNull();
      expect(q.params.created_after, bad).toBeNull();
      expect(q.params.created_before, bad).toBeNull();
    }
    const q = parseBatchFilter({ state: 'exploded', q: 'x'.repeat(500), callback: 'C'.repeat(5000) }, 'UTC');
    expect(q.filter.state).toBeNull();
    expect(q.filter.search).toHaveLength(200);
    expect(q.filter.callback).toHaveLength(1024);
    expect(parseBatchFilter({ callback: '  ' }, 'UTC').filter.callback).toBeNull();
    // NUL characters are dropped from every parameter (firstParam), as PostgreSQL text cannot hold them.
    expect(parseBatchFilter({ callback: 'A\u0000B' }, 'UTC').filter.callback).toBe('AB');
  });

  it('keeps a range whose ends are the wrong way round (it simply matches nothing)', () => {
    const q = parseBatchFilter({ created_after: '2026-12-02', created_before: '2026-12-01' }, 'UTC');
    expect(q.filter.createdAfter!.getTime()).toBeGreaterThan(q.filter.createdBefore!.getTime());
  });
});

describe('parseCreatedAt', () => {
  it('reads a time without a zone in the page’s zone', () => {
    expect(iso('2026-12-01T10:00', 'UTC')).toBe('2026-12-01T10:00:00.000Z');
    expect(iso('2026-12-01T10:00', 'Asia/Seoul')).toBe('2026-12-01T01:00:00.000Z');
    expect(iso('2026-12-01', 'Asia/Seoul')).toBe('2026-11-30T15:00:00.000Z');
    expect(iso('2026-07-01T10:00', 'America/New_York')).toBe('2026-07-01T14:00:00.000Z');
    expect(iso('2026-12-01T10:00', 'America/New_York')).toBe('2026-12-01T15:00:00.000Z');
    expect(iso('2026-12-01T10:00', 'Asia/Kolkata')).toBe('2026-12-01T04:30:00.000Z');
  });

  it('takes seconds and a fraction (cut to milliseconds)', () => {
    expect(iso('2026-12-01T10:00:30', 'UTC')).toBe('2026-12-01T10:00:30.000Z');
    expect(iso('2026-12-01T10:00:30.5', 'UTC')).toBe('2026-12-01T10:00:30.500Z');
    expect(iso('2026-12-01T10:00:30.123999', 'UTC')).toBe('2026-12-01T10:00:30.123Z');
  });

  it('reads a time with a zone as that moment, whatever the page’s zone', () => {
    expect(iso('2026-12-01T10:00Z', 'Asia/Seoul')).toBe('2026-12-01T10:00:00.000Z');
    expect(iso('2026-12-01T10:00:00+09:00', 'America/New_York')).toBe('2026-12-01T01:00:00.000Z');
    expect(iso('2026-12-01T10:00-03:30', 'UTC')).toBe('2026-12-01T13:30:00.000Z');
  });

  it('reads a time skipped by a daylight-saving change with the offset before it, a repeated one as its first occurrence', () => {
    // New York: 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST.
    expect(iso('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(iso('2026-03-08T03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    expect(iso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(iso('2026-11-01T02:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(iso('2026-12-01T10:00', 'Mars/Olympus_Mons')).toBe('2026-12-01T10:00:00.000Z');
  });

  it('keeps the ends of the calendar', () => {
    expect(iso('0001-01-01', 'UTC')).toBe('0001-01-01T00:00:00.000Z');
    expect(iso('9999-12-31T23:59', 'UTC')).toBe('9999-12-31T23:59:00.000Z');
    expect(iso('0099-06-01', 'UTC')).toBe('0099-06-01T00:00:00.000Z');
  });
});

describe('wallClock', () => {
  it('gives datetime-local text in the zone, with seconds only when set', () => {
    expect(wallClock(new Date('2026-12-01T01:00:00Z'), 'Asia/Seoul')).toBe('2026-12-01T10:00');
    expect(wallClock(new Date('2026-11-30T15:00:00Z'), 'Asia/Seoul')).toBe('2026-12-01T00:00');
    expect(wallClock(new Date('2026-12-01T10:00:30Z'), 'UTC')).toBe('2026-12-01T10:00:30');
    expect(wallClock(new Date('2026-12-01T10:00:00.250Z'), 'UTC')).toBe('2026-12-01T10:00:00.250');
  });

  it('round-trips with parseCreatedAt in every zone the app offers', () => {
    for (const zone of ['UTC', 'Asia/Seoul', 'Asia/Tokyo', 'Europe/Moscow', 'America/New_York', 'Australia/Lord_Howe']) {
      for (const value of ['2026-01-15T08:45', '2026-07-15T23:59:59', '2026-12-31T00:00']) {
        expect(wallClock(parseCreatedAt(value, zone)!, zone), `${zone} ${value}`).toBe(value);
      }
    }
  });

  it('shows a moment given with a zone as the page’s wall-clock time', () => {
    const q = parseBatchFilter({ created_after: '2026-12-01T10:00Z' }, 'Asia/Seoul');
    expect(q.params.created_after).toBe('2026-12-01T10:00Z');
    expect(q.inputs.createdAfter).toBe('2026-12-01T19:00');
  });
});

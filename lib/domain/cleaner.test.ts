import { describe, expect, it } from 'vitest';
import { CLEANER_WINDOWS, cleanerColumnStarts, cleanerCountHref, cleanerGroupFilter, filterableName } from './cleaner';
import { parseJobFilter } from './job-filter';

const NOW = new Date('2026-06-01T12:00:00.000Z');

describe('the Discard Cleaner columns', () => {
  it('are All, then GoodJob’s five windows back from now', () => {
    expect(CLEANER_WINDOWS.map((w) => w.key)).toEqual(['last1Hour', 'last3Hours', 'last24Hours', 'last3Days', 'last7Days']);
    expect(cleanerColumnStarts(NOW).map((d) => d?.toISOString() ?? null)).toEqual([
      null,
      '2026-06-01T11:00:00.000Z',
      '2026-06-01T09:00:00.000Z',
      '2026-05-31T12:00:00.000Z',
      '2026-05-29T12:00:00.000Z',
      '2026-05-25T12:00:00.000Z',
    ]);
  });
});

describe('a count’s link', () => {
  it('opens the discarded jobs of the class or exception, since the window’s start, as the jobs list parses it', () => {
    const since = new Date('2026-06-01T11:00:00.000Z');
    const byClass = cleanerCountHref('ko', 'class', 'Mailer::DeliveryJob', since);
    expect(byClass).toBe('/ko/jobs?state=discarded&job_class=Mailer%3A%3ADeliveryJob&finished_since=2026-06-01T11%3A00%3A00.000Z');
    const query = Object.fromEntries(new URL(byClass, 'http://x').searchParams);
    expect(parseJobFilter(query)).toMatchObject({ state: 'discarded', jobClass: 'Mailer::DeliveryJob', errorClass: null, finishedSince: '2026-06-01T11:00:00.000Z' });

    const byException = cleanerCountHref('ru', 'exception', 'Net::ReadTimeout', null);
    expect(byException).toBe('/ru/jobs?state=discarded&error_class=Net%3A%3AReadTimeout');
    expect(parseJobFilter(Object.fromEntries(new URL(byException, 'http://x').searchParams))).toMatchObject({ errorClass: 'Net::ReadTimeout', jobClass: null, finishedSince: null });

    expect(cleanerCountHref('ja', 'exception', null, since)).toBe('/ja/jobs?state=discarded&finished_since=2026-06-01T11%3A00%3A00.000Z');
  });

  it('is the bulk action’s filter for a row', () => {
    expect(cleanerGroupFilter('class', 'A')).toEqual({ state: 'discarded', job_class: 'A' });
    expect(cleanerGroupFilter('exception', 'E')).toEqual({ state: 'discarded', error_class: 'E' });
  });
});

describe('a group name as a filter', () => {
  it('is one only when the jobs list would match exactly that group', () => {
    expect(filterableName('ExampleJob', false)).toBe(true);
    expect(filterableName('ExampleJob', true)).toBe(false); // cut: the filter needs the whole name
    expect(filterableName(null, false)).toBe(false); // no class: the list cannot filter for it
    expect(filterableName('', false)).toBe(false); // an empty filter is no filter: it would match every discarded job
    expect(filterableName(' Padded', false)).toBe(false); // the filter trims
    expect(filterableName('Padded ', false)).toBe(false);
    // Each accepted name survives the jobs list's parsing unchanged.
    for (const name of ['ExampleJob', 'Net::ReadTimeout', 'a b']) expect(parseJobFilter({ job_class: name }).jobClass).toBe(name);
  });
});

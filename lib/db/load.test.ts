import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDatabaseBusy, isDatabaseUnavailable } from './errors';
import { registerDashboardMetrics } from '../telemetry/dashboard-metrics';
import { metricsRegistry } from '../telemetry/registry';
import { BUSY, commandOrFault, FAILED, loadOrUnavailable, optionalPart, UNAVAILABLE } from './load';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

afterEach(() => {
  delete process.env.DASHBOARD_PAGE_DEADLINE_MS;
  vi.restoreAllMocks();
});

describe('faults, told apart', () => {
  it('down: refused, terminated, not accepting connections, a client that lost its server', () => {
    for (const e of [pgError('ECONNREFUSED'), pgError('57P01'), pgError('55000'), new Error('Connection terminated due to connection timeout'), new Error('Client has encountered a connection error and is not queryable')]) {
      expect(isDatabaseUnavailable(e), e.message).toBe(true);
      expect(isDatabaseBusy(e), e.message).toBe(false);
    }
  });
  it('busy: a statement timeout, or no free connection in the pool in time — never "down"', () => {
    for (const e of [pgError('57014', 'canceling statement due to statement timeout'), new Error('timeout exceeded when trying to connect')]) {
      expect(isDatabaseBusy(e), e.message).toBe(true);
      expect(isDatabaseUnavailable(e), e.message).toBe(false);
    }
  });
});

describe('loadOrUnavailable (pages) and commandOrFault (actions)', () => {
  it('gives a page one deadline for all its reads', async () => {
    process.env.DASHBOARD_PAGE_DEADLINE_MS = '30';
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await loadOrUnavailable(() => new Promise(() => undefined))).toBe(BUSY);
    expect(await loadOrUnavailable(async () => 'rows')).toBe('rows');
  });
  it('maps faults, and a bug to FAILED with one JSON line holding its message and stack', async () => {
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await commandOrFault(() => Promise.reject(pgError('57P01')))).toBe(UNAVAILABLE);
    expect(await commandOrFault(() => Promise.reject(pgError('57014')))).toBe(BUSY);
    logged.mockClear();
    expect(await commandOrFault(() => Promise.reject(new TypeError('a bug')))).toBe(FAILED);
    expect(logged).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(logged.mock.calls[0]![0]));
    expect(line).toMatchObject({ level: 'error', event: 'action_failed', message: 'a bug' });
    expect(line.stack).toContain('TypeError: a bug');
    expect(Date.parse(line.time)).not.toBeNaN();
  });
});

describe('optionalPart: a part of a page left out when it fails, never silently', () => {
  it('gives the read, or for a database fault the fallback with the usual busy / unavailable line', async () => {
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await optionalPart('batch_timeline', Promise.resolve('rows'), null)).toBe('rows');
    expect(await optionalPart('batch_timeline', Promise.reject(pgError('57014', 'canceling statement due to statement timeout')), null)).toBeNull();
    expect(JSON.parse(String(logged.mock.calls[0]![0]))).toMatchObject({ level: 'warn', event: 'database_busy' });
    expect(await optionalPart('index_advice', () => Promise.reject(pgError('ECONNREFUSED')), [])).toEqual([]);
    expect(JSON.parse(String(logged.mock.calls[1]![0]))).toMatchObject({ level: 'error', event: 'database_unavailable' });
  });

  it('logs a bug with the part, message and stack as one JSON line, and counts it in /metrics', async () => {
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const count = async () => (await metricsRegistry().getSingleMetricAsString('dashboard_part_errors_total')).match(/part="batch_durations"} (\d+)/)?.[1];
    registerDashboardMetrics();
    const before = Number(await count());
    expect(await optionalPart('batch_durations', Promise.reject(pgError('42703', 'column "finishd_at" does not exist')), null)).toBeNull();
    expect(logged).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(logged.mock.calls[0]![0]));
    expect(line).toMatchObject({ level: 'error', event: 'part_failed', part: 'batch_durations', message: 'column "finishd_at" does not exist' });
    expect(line.stack).toContain('Error: column "finishd_at" does not exist');
    expect(typeof line.instance).toBe('string');
    expect(Date.parse(line.time)).not.toBeNaN();
    expect(Number(await count())).toBe(before + 1);
  });
});

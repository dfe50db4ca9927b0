import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDatabaseBusy, isDatabaseUnavailable } from './errors';
import { BUSY, commandOrFault, FAILED, loadOrUnavailable, UNAVAILABLE } from './load';

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
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await loadOrUnavailable(() => new Promise(() => undefined))).toBe(BUSY);
    expect(await loadOrUnavailable(async () => 'rows')).toBe('rows');
  });
  it('maps faults, and a bug to FAILED with one JSON line holding its message and stack', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
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

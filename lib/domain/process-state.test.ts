import { describe, expect, it } from 'vitest';
import { parseQueueSelection, processActive, processInfo } from './process-state';

const now = new Date('2026-11-22T12:10:00Z');

describe('processActive', () => {
  it('with a lock type: active only while it holds its advisory lock', () => {
    expect(processActive({ lock_type: 0, locked: true, updated_at: '2026-11-22 11:00:00' }, now, true)).toBe(true);
    expect(processActive({ lock_type: 0, locked: false, updated_at: '2026-11-22 12:09:59' }, now, true)).toBe(false);
  });
  it('without a lock type: active while its heartbeat is under 5 minutes old', () => {
    expect(processActive({ lock_type: null, locked: false, updated_at: '2026-11-22 12:05:01' }, now, true)).toBe(true);
    expect(processActive({ lock_type: null, locked: true, updated_at: '2026-11-22 12:04:59' }, now, true)).toBe(false);
  });
  it('on databases without the lock_type column: the advisory lock alone', () => {
    expect(processActive({ locked: true, updated_at: '2020-01-01 00:00:00' }, now, false)).toBe(true);
    expect(processActive({ locked: false, updated_at: '2026-11-22 12:09:59' }, now, false)).toBe(false);
  });
});

describe('processInfo', () => {
  it("reads GoodJob's process state", () => {
    const info = processInfo({
      pid: 20283,
      memory: 72162,
      hostname: 'vm',
      schedulers: [{ queues: '-backlog', max_threads: 5 }, { queues: 'mice', max_threads: 2 }],
      cron_enabled: true,
      database_connection_pool: { size: 20, active: 1 },
    });
    expect(info).toEqual({
      hostname: 'vm',
      pid: 20283,
      queues: ['-backlog', 'mice'],
      threads: 7,
      memoryKb: 72162,
      schedulers: [{ queues: '-backlog', maxThreads: 5 }, { queues: 'mice', maxThreads: 2 }],
      cronEnabled: true,
      pool: { size: 20, active: 1 },
    });
  });
  it('tolerates odd or missing state', () => {
    expect(processInfo(null)).toEqual({ hostname: null, pid: null, queues: [], threads: null, memoryKb: null, schedulers: [], cronEnabled: null, pool: null });
    expect(processInfo({ cron_enabled: 'yes', database_connection_pool: { size: '5' } })).toMatchObject({ cronEnabled: null, pool: null });
    expect(processInfo({ pid: '1', schedulers: 'x' }).pid).toBeNull();
  });
});

describe('parseQueueSelection', () => {
  it('reads GoodJob’s queue syntax', () => {
    expect(parseQueueSelection('*')).toEqual({ kind: 'all' });
    expect(parseQueueSelection('')).toEqual({ kind: 'all' });
    expect(parseQueueSelection('-backlog')).toEqual({ kind: 'except', names: ['backlog'] });
    expect(parseQueueSelection('-backlog, mice')).toEqual({ kind: 'except', names: ['backlog', 'mice'] });
    expect(parseQueueSelection('+high,default')).toEqual({ kind: 'only', names: ['high', 'default'], ordered: true });
    expect(parseQueueSelection('mailers')).toEqual({ kind: 'only', names: ['mailers'], ordered: false });
    expect(parseQueueSelection('a,*')).toEqual({ kind: 'all' });
  });
});

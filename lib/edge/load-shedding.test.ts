import { describe, expect, it, vi } from 'vitest';
import { createLoadShedder, isCheap } from './load-shedding.mjs';

type Entry = { start: (release: () => void) => void; refuse: () => void; gone: () => boolean };

function entry(log: string[], name: string, gone = () => false): Entry & { release?: () => void } {
  const e: Entry & { release?: () => void } = {
    start: (release) => {
      log.push(`start ${name}`);
      e.release = release;
    },
    refuse: () => log.push(`refuse ${name}`),
    gone,
  };
  return e;
}

describe('createLoadShedder', () => {
  it('runs at most `concurrency` at once, queues the next ones in order, refuses past the queue', () => {
    const log: string[] = [];
    const a = createLoadShedder({ concurrency: 2, queueLimit: 1, waitMs: 1_000 });
    const [e1, e2, e3, e4] = ['1', '2', '3', '4'].map((n) => entry(log, n));
    for (const e of [e1!, e2!, e3!, e4!]) a.enqueue(e);
    expect(log).toEqual(['start 1', 'start 2', 'refuse 4']);
    e1!.release!();
    e1!.release!(); // twice is once
    expect(log).toEqual(['start 1', 'start 2', 'refuse 4', 'start 3']);
    expect(a.active).toBe(2);
  });

  it('refuses a request that waited too long, and skips one whose client left', () => {
    vi.useFakeTimers();
    try {
      const log: string[] = [];
      const a = createLoadShedder({ concurrency: 1, queueLimit: 5, waitMs: 100 });
      const first = entry(log, 'first');
      a.enqueue(first);
      a.enqueue(entry(log, 'left', () => true));
      a.enqueue(entry(log, 'late'));
      vi.advanceTimersByTime(150);
      expect(log).toEqual(['start first', 'refuse left', 'refuse late']);
      a.enqueue(entry(log, 'gone', () => true));
      a.enqueue(entry(log, 'waits'));
      first.release!();
      expect(log.slice(3)).toEqual(['start waits']);
      expect(a.stats).toMatchObject({ abandoned: 1, expired: 2 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('isCheap', () => {
  it('lets built files and health probes skip the queue, nothing else', () => {
    for (const u of ['/_next/static/chunks/a.js', '/good_job/_next/static/x.css', '/favicon.ico', '/healthz', '/readyz?x', '/metrics', '/good_job/metrics']) expect(isCheap(u), u).toBe(true);
    for (const u of ['/en/jobs', '/en/jobs?q=/_next/static/', '/healthz/en', '/en/metrics/x']) expect(isCheap(u), u).toBe(false);
  });
});

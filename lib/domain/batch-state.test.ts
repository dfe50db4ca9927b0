import { describe, expect, it } from 'vitest';
import { batchProgress, batchState, type BatchStateFields, progressSegments, listProgressSegments } from './batch-state';

const batch = (over: Partial<BatchStateFields>): BatchStateFields => ({
  enqueued_at: null,
  discarded_at: null,
  finished_at: null,
  jobs_finished_at: null,
  ...over,
});

describe('batchState', () => {
  it('orders discarded > succeeded > callbacks running > in progress > not enqueued', () => {
    const all = batch({ enqueued_at: 'e', jobs_finished_at: 'j', finished_at: 'f', discarded_at: 'd' });
    expect(batchState(all)).toBe('discarded');
    expect(batchState({ ...all, discarded_at: null })).toBe('succeeded');
    expect(batchState({ ...all, discarded_at: null, finished_at: null })).toBe('callbacksRunning');
    expect(batchState({ ...all, discarded_at: null, finished_at: null, jobs_finished_at: null })).toBe('inProgress');
    expect(batchState(batch({}))).toBe('notEnqueued');
  });
  it('works on databases without jobs_finished_at', () => {
    const { jobs_finished_at: _omit, ...old } = batch({ enqueued_at: 'e' });
    expect(batchState(old)).toBe('inProgress');
    expect(batchState({ ...old, finished_at: 'f' })).toBe('succeeded');
  });
});

describe('batchProgress', () => {
  const zero = { scheduled: 0, retried: 0, queued: 0, running: 0, succeeded: 0, discarded: 0 };
  it('counts finished jobs over all jobs', () => {
    expect(batchProgress({ ...zero, succeeded: 2, discarded: 1, queued: 1 })).toEqual({ total: 4, finished: 3, percent: 75 });
    expect(batchProgress(zero)).toEqual({ total: 0, finished: 0, percent: 0 });
    expect(batchProgress({ ...zero, succeeded: 2, queued: 1 }).percent).toBe(66);
  });
});

describe('progress segments', () => {
  const counts = { scheduled: 1, retried: 2, queued: 3, running: 4, succeeded: 5, discarded: 6 };
  it('tell how the finished jobs finished, then what runs and what waits', () => {
    expect(progressSegments(counts)).toEqual([
      { kind: 'succeeded', count: 5 },
      { kind: 'discarded', count: 6 },
      { kind: 'running', count: 4 },
      { kind: 'waiting', count: 6 },
    ]);
  });
  it("a discarded batch whose jobs all finished is not one green bar", () => {
    const segments = listProgressSegments({ total: 2, finished: 2, discarded: 1 });
    expect(segments).toEqual([
      { kind: 'succeeded', count: 1 },
      { kind: 'discarded', count: 1 },
      { kind: 'waiting', count: 0 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { applicationFrames } from './backtrace';
import { isEmptyFilter, jobFilterParams, jobOrder, parseJobFilter } from './job-filter';

describe('parseJobFilter', () => {
  it('reads GoodJob-style parameters and drops what it does not know', () => {
    const f = parseJobFilter({
      state: 'discarded',
      queue: ' mice ',
      job_class: 'ExampleJob',
      label: 'dead',
      q: 'boom',
      cron_key: 'nightly',
      paused: '1',
      error_class: 'ExampleJob::DeadError',
      finished_since: '2026-12-02T09:00:00+09:00',
      batch_id: '763B0473-5C02-4228-B2EE-F7EA084BDFAF',
      performed_after: '2026-12-02T10:00:00Z',
      performed_before: '2026-12-02T10:05:00.5+00:00',
      scheduled_after: '2026-12-02T19:00:00+09:00',
      scheduled_before: '2026-12-02T11:00:00Z',
      other: 'x',
    });
    expect(f).toEqual({
      state: 'discarded',
      queue: 'mice',
      jobClass: 'ExampleJob',
      label: 'dead',
      search: 'boom',
      cronKey: 'nightly',
      paused: true,
      errorClass: 'ExampleJob::DeadError',
      finishedSince: '2026-12-02T00:00:00.000Z',
      batchId: '763b0473-5c02-4228-b2ee-f7ea084bdfaf',
      performedAfter: '2026-12-02T10:00:00.000Z',
      performedBefore: '2026-12-02T10:05:00.500Z',
      scheduledAfter: '2026-12-02T10:00:00.000Z',
      scheduledBefore: '2026-12-02T11:00:00.000Z',
    });
    expect(jobFilterParams(f)).toEqual({
      state: 'discarded',
      queue: 'mice',
      job_class: 'ExampleJob',
      label: 'dead',
      q: 'boom',
      cron_key: 'nightly',
      paused: '1',
      error_class: 'ExampleJob::DeadError',
      finished_since: '2026-12-02T00:00:00.000Z',
      batch_id: '763b0473-5c02-4228-b2ee-f7ea084bdfaf',
      performed_after: '2026-12-02T10:00:00.000Z',
      performed_before: '2026-12-02T10:05:00.500Z',
      scheduled_after: '2026-12-02T10:00:00.000Z',
      scheduled_before: '2026-12-02T11:00:00.000Z',
    });
    expect(parseJobFilter({ batch_id: 'not-a-uuid' }).batchId).toBeNull();
    for (const bad of ['yesterday', '2026-12-02', '2026-13-02T00:00:00Z', '2026-12-02T00:00:00']) expect(parseJobFilter({ finished_since: bad }).finishedSince, bad).toBeNull();
    expect(parseJobFilter({ performed_after: '2026-12-02T10:00:00', performed_before: 'now' })).toMatchObject({ performedAfter: null, performedBefore: null });
    expect(parseJobFilter({ scheduled_after: '2026-12-02', scheduled_before: 'soon' })).toMatchObject({ scheduledAfter: null, scheduledBefore: null });
    expect(parseJobFilter({ paused: 'yes' }).paused).toBeNull();
  });
  it('ignores unknown states, empty values, and cuts very long values', () => {
    const f = parseJobFilter({ state: 'exploded', queue: '', q: 'x'.repeat(5000) });
    expect(f.state).toBeNull();
    expect(f.queue).toBeNull();
    expect(f.search).toHaveLength(1024);
    expect(isEmptyFilter(parseJobFilter({}))).toBe(true);
  });
});

describe('jobOrder', () => {
  it("follows GoodJob's order per state", () => {
    expect(jobOrder('queued')).toEqual({ column: 'scheduled', direction: 'asc' });
    expect(jobOrder('retried')).toEqual({ column: 'scheduled', direction: 'asc' });
    expect(jobOrder('running')).toEqual({ column: 'performed_at', direction: 'desc' });
    expect(jobOrder('discarded')).toEqual({ column: 'finished_at', direction: 'desc' });
    expect(jobOrder('succeeded')).toEqual({ column: 'created_at', direction: 'desc' });
    expect(jobOrder(null)).toEqual({ column: 'created_at', direction: 'desc' });
  });
});

describe('applicationFrames', () => {
  it('keeps the application frames and drops gem and Ruby library frames', () => {
    const trace = [
      "/app/app/jobs/example_job.rb:30:in `perform'",
      "/usr/share/rubygems-integration/all/gems/activejob-6.1.7.10/lib/active_job/execution.rb:48:in `block in perform_now'",
      "/usr/local/bundle/gems/good_job-4.19.2/lib/good_job/job.rb:10:in `x'",
      "/usr/lib/ruby/3.1.0/benchmark.rb:311:in `realtime'",
      "<internal:kernel>:90:in `tap'",
      "/app/lib/helpers.rb:3:in `call'",
    ];
    expect(applicationFrames(trace)).toEqual(["/app/app/jobs/example_job.rb:30:in `perform'", "/app/lib/helpers.rb:3:in `call'"]);
    expect(applicationFrames(null)).toEqual([]);
  });
});

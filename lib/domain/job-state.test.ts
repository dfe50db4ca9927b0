import { describe, expect, it } from 'vitest';
import { allowedActions, attemptsNeedAttention, errorEventName, jobStatus, statusChangedAt, type JobStateFields } from './job-state';

const now = new Date('2026-03-06T20:06:10.000Z');
const job = (over: Partial<JobStateFields>): JobStateFields => ({
  scheduled_at: null,
  performed_at: null,
  finished_at: null,
  created_at: '2026-03-06 20:06:00.5',
  error: null,
  ...over,
});

describe('jobStatus', () => {
  it.each([
    ['finished without error', job({ finished_at: '2026-03-06 20:06:07' }), 'succeeded'],
    ['finished with error', job({ finished_at: '2026-03-06 20:06:07', error: 'E: boom' }), 'discarded'],
    ['finished beats performed', job({ performed_at: '2026-03-06 20:06:06', finished_at: '2026-03-06 20:06:07' }), 'succeeded'],
    ['performed, not finished', job({ performed_at: '2026-03-06 20:06:06' }), 'running'],
    ['performed beats future schedule', job({ performed_at: '2026-03-06 20:06:06', scheduled_at: '2026-03-07 00:00:00' }), 'running'],
    ['scheduled in the past', job({ scheduled_at: '2026-03-06 20:06:09' }), 'queued'],
    ['scheduled exactly now', job({ scheduled_at: '2026-03-06 20:06:10' }), 'queued'],
    ['no schedule, created in the past', job({}), 'queued'],
    ['scheduled in the future', job({ scheduled_at: '2026-03-06 20:06:10.001' }), 'scheduled'],
    ['future with an error', job({ scheduled_at: '2026-03-06 20:07:00', error: 'E: once' }), 'retried'],
    ['past with an error is queued', job({ scheduled_at: '2026-03-06 20:06:00', error: 'E: once' }), 'queued'],
    ['no schedule, created in the future', job({ created_at: '2026-03-06 20:07:00' }), 'scheduled'],
  ] as const)('%s → %s', (_name, row, expected) => {
    expect(jobStatus(row, now)).toBe(expected);
  });

  it('reads times as UTC whatever the process time zone', () => {
    expect(jobStatus(job({ scheduled_at: '2026-03-06 20:06:11' }), now)).toBe('scheduled');
    expect(jobStatus(job({ scheduled_at: '2026-03-06 20:06:09.999999' }), now)).toBe('queued');
  });
});

describe('statusChangedAt', () => {
  it('prefers finished, then performed, then scheduled, then created', () => {
    const full = job({ scheduled_at: 's', performed_at: 'p', finished_at: 'f' });
    expect(statusChangedAt(full)).toBe('f');
    expect(statusChangedAt({ ...full, finished_at: null })).toBe('p');
    expect(statusChangedAt({ ...full, finished_at: null, performed_at: null })).toBe('s');
    expect(statusChangedAt(job({}))).toBe('2026-03-06 20:06:00.5');
  });
});

describe('allowedActions', () => {
  it('offers only what GoodJob allows for each state', () => {
    expect(allowedActions('discarded')).toEqual(['retry', 'destroy']);
    expect(allowedActions('succeeded')).toEqual(['destroy']);
    expect(allowedActions('running')).toEqual(['forceDiscard']);
    for (const s of ['scheduled', 'retried', 'queued'] as const) expect(allowedActions(s)).toEqual(['reschedule', 'discard']);
  });
});

describe('attempts and error events', () => {
  it('highlights attempts with an error or more than one execution', () => {
    expect(attemptsNeedAttention({ error: null, executions_count: 1 })).toBe(false);
    expect(attemptsNeedAttention({ error: null, executions_count: null })).toBe(false);
    expect(attemptsNeedAttention({ error: null, executions_count: 2 })).toBe(true);
    expect(attemptsNeedAttention({ error: 'E', executions_count: 1 })).toBe(true);
    // Discarded before it ever ran: the error is the discard's, no attempt failed.
    expect(attemptsNeedAttention({ error: 'GoodJob::Job::DiscardJobError: Discarded through dashboard', executions_count: 0 })).toBe(false);
    expect(attemptsNeedAttention({ error: 'E', executions_count: null })).toBe(false);
  });
  it('names error events like GoodJob', () => {
    expect(errorEventName(4)).toBe('retry_stopped');
    expect(errorEventName(0)).toBe('interrupted');
    expect(errorEventName(null)).toBeNull();
    expect(errorEventName(42)).toBe(42);
  });
});

import { describe, expect, it } from 'vitest';
import { jobInspectJson } from './inspect-json';
import { batchRowView, ERROR_LINE_CHARS, jobRowView, jobRowViews, pausedView, timeView, type JobViewSource } from './row-view';

const now = new Date('2026-03-06T12:00:00Z');
const time = { locale: 'en', now };
const job = (over: Partial<JobViewSource> = {}): JobViewSource => ({
  id: '11111111-1111-4111-8111-111111111111',
  job_class: 'Mailer::DeliverJob',
  queue_name: 'mailers',
  priority: 3,
  labels: ['a', 'b'],
  executions_count: 2,
  error: null,
  batch_id: null,
  batch_callback_id: null,
  scheduled_at: '2026-03-06 11:00:00',
  performed_at: '2026-03-06 11:00:01',
  finished_at: '2026-03-06 11:00:02',
  created_at: '2026-03-06 10:59:00',
  ...over,
});

describe('timeView', () => {
  it('carries epoch ms and the relative words; a time that does not parse is kept as stored', () => {
    expect(timeView('2026-03-06 11:00:00', time)).toEqual([Date.parse('2026-03-06T11:00:00Z'), '1 hour ago']);
    expect(timeView('not a time', time)).toEqual(['not a time']);
  });
});

describe('jobRowView', () => {
  it('shows the status the state rule gives for now, when it changed, and what a row shows', () => {
    const view = jobRowView(job(), time, { listContext: false });
    expect(view).toEqual({
      id: job().id,
      jobClass: 'Mailer::DeliverJob',
      queue: 'mailers',
      priority: 3,
      labels: ['a', 'b'],
      attempts: 2,
      attention: true,
      status: 'succeeded',
      changed: [Date.parse('2026-03-06T11:00:02Z'), '1 hour ago'],
    });
  });

  it('lists carry a clipped error line and the batch (or the batch whose callback the job is)', () => {
    const long = 'E'.repeat(ERROR_LINE_CHARS + 50);
    const view = jobRowView(job({ error: long, batch_callback_id: '22222222-2222-4222-8222-222222222222' }), time, { listContext: true });
    expect(view.error!.length).toBeLessThanOrEqual(ERROR_LINE_CHARS + 1);
    expect(long.startsWith(view.error!.slice(0, ERROR_LINE_CHARS - 1))).toBe(true);
    expect(view.batch).toBe('22222222-2222-4222-8222-222222222222');
    expect(jobRowView(job({ error: 'x' }), time, { listContext: false })).not.toHaveProperty('error');
  });

  it('marks a waiting job behind a pause, with words the page gives; never a finished one', () => {
    const pausing = { pauses: { queues: ['mailers'], job_classes: [], labels: [] }, certain: false };
    const words = { marker: 'Paused', markerIfEnabled: 'Paused (if enabled)', reason: (kind: string, value: string) => `${kind}=${value}` };
    const waiting = job({ performed_at: null, finished_at: null, scheduled_at: '2026-03-07 00:00:00' });
    expect(jobRowView(waiting, time, { listContext: false, paused: pausedView(pausing, words) }).paused).toEqual(['Paused (if enabled)', 'queue=mailers']);
    expect(jobRowView(job(), time, { listContext: false, paused: pausedView(pausing, words) })).not.toHaveProperty('paused');
    expect(jobRowView(waiting, time, { listContext: false, paused: pausedView(null, words) })).not.toHaveProperty('paused');
  });
});

describe('jobRowViews', () => {
  const words = { marker: 'Paused', markerIfEnabled: 'Paused (if enabled)', reason: (kind: string, value: string) => `${kind}=${value}` };
  const waiting = { ...job({ performed_at: null, finished_at: null, scheduled_at: '2026-03-07 00:00:00' }), serialized_params_text: '{"arguments": [1]}' };

  it('carries the Inspect JSON only for "Inspect all", exactly as the job page writes it', () => {
    const columns = ['id', 'queue_name', 'serialized_params'];
    const [all] = jobRowViews([waiting], time, { listContext: false, pausing: null, words, inspectColumns: columns });
    expect(all!.json).toBe(jobInspectJson(waiting, waiting.serialized_params_text, columns));
    const [lazy] = jobRowViews([waiting], time, { listContext: false, pausing: null, words });
    expect(lazy).not.toHaveProperty('json');
  });

  it('marks the rows waiting behind a pause with the same rule as the job page', () => {
    const pausing = { pauses: { queues: [], job_classes: ['Mailer::DeliverJob'], labels: [] }, certain: true };
    const [row] = jobRowViews([waiting], time, { listContext: true, pausing, words });
    expect(row!.paused).toEqual(['Paused', 'job_class=Mailer::DeliverJob']);
    expect(row!.paused).toEqual(pausedView(pausing, words)(waiting, 'scheduled'));
  });
});

describe('batchRowView', () => {
  it('counts no jobs when none were read for the batch', () => {
    const view = batchRowView({ id: 'b', description: 'd', on_finish: null, on_success: null, on_discard: null, created_at: '2026-03-06 11:00:00', enqueued_at: null, discarded_at: null, finished_at: null }, undefined, time);
    expect([view.total, view.finished, view.discarded, view.callbacks, view.state]).toEqual([0, 0, 0, [], 'notEnqueued']);
  });

  it('names each callback class once, writes its times and state, and keeps the totals', () => {
    const view = batchRowView(
      { id: 'b', description: null, on_finish: 'CallbackJob', on_success: 'CallbackJob', on_discard: 'OtherJob', created_at: '2026-03-06 11:00:00', enqueued_at: null, discarded_at: '2026-03-06 11:30:00', finished_at: null },
      { total: 3, finished: 2, discarded: 1, capped: true },
      time,
    );
    expect(view.callbacks).toEqual(['CallbackJob', 'OtherJob']);
    expect(view.times.created_at).toEqual([Date.parse('2026-03-06T11:00:00Z'), '1 hour ago']);
    expect(view.times.enqueued_at).toBeNull();
    expect(view.state).toBe('discarded');
    expect([view.total, view.finished, view.discarded, view.capped]).toEqual([3, 2, 1, true]);
  });
});

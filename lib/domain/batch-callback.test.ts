import { describe, expect, it } from 'vitest';
import { callbackRow, globalIdApp, type CallbackSources, type CallbackTemplate } from './batch-callback';

const template: CallbackTemplate = {
  queue_name: 'default',
  priority: 0,
  concurrency_key: 'ExampleJob::BatchJob::CallbackJob',
  labels: ['cb'],
  is_discrete: null,
  serialized_params: { job_id: 'x', locale: 'ja', priority: null, timezone: 'Tokyo', arguments: [], job_class: 'X', executions: 1, queue_name: 'default', enqueued_at: '2026-11-22T12:07:58Z', provider_job_id: null, exception_executions: { a: 1 } },
  queue_set: false,
  priority_set: false,
};
const batch = { id: 'b1b1b1b1-0000-4000-8000-000000000000', callback_queue_name: null, callback_priority: null };
const none: CallbackSources = { template: null, configured: null, shape: null };
const from = (t: CallbackTemplate): CallbackSources => ({ ...none, template: t });
/** A batched job's params: its queue, priority and class must never reach the callback. */
const batchedShape = { job_id: 'j', locale: 'ko', priority: 9, timezone: 'Seoul', arguments: ['held'], job_class: 'LabelledJob', executions: 0, queue_name: 'backlog', enqueued_at: '2026-11-22T12:07:58.123456789Z', scheduled_at: null, provider_job_id: null, exception_executions: {} };

describe('batch callback rows', () => {
  it('read the GlobalID app from a callback job’s arguments', () => {
    expect(globalIdApp({ arguments: [{ _aj_globalid: 'gid://goodjob-anchor/GoodJob::Batch/123' }, {}] })).toBe('goodjob-anchor');
    expect(globalIdApp({ arguments: ['x'] })).toBeNull();
    expect(globalIdApp(null)).toBeNull();
  });

  it('copy what the class decides from an earlier callback job of it, with the event and batch in the arguments', () => {
    const row = callbackRow(batch, 'CallbackJob', 'discard', from(template), 'my-app', 'new-id', '2026-12-02 08:00:00.123456');
    expect(row).toMatchObject({ queue_name: 'default', priority: 0, concurrency_key: template.concurrency_key, labels: ['cb'] });
    if ('missing' in row) throw new Error('row expected');
    expect(row.serialized_params).toEqual({
      job_id: 'new-id',
      locale: 'ja',
      priority: null,
      timezone: 'Tokyo',
      arguments: [{ _aj_globalid: `gid://my-app/GoodJob::Batch/${batch.id}` }, { event: { value: 'discard', _aj_serialized: 'ActiveJob::Serializers::SymbolSerializer' }, _aj_symbol_keys: ['event'] }],
      job_class: 'CallbackJob',
      executions: 0,
      queue_name: 'default',
      enqueued_at: '2026-12-02T08:00:00Z',
      provider_job_id: null,
      exception_executions: {},
    });
  });

  it('take the batch’s callback queue and priority over the class’s, and refuse when the queue is unknowable', () => {
    const row = callbackRow({ ...batch, callback_queue_name: 'callbacks', callback_priority: 7 }, 'CallbackJob', 'finish', none, 'a', 'id', '2026-12-02 08:00:00');
    expect(row).toMatchObject({ queue_name: 'callbacks', priority: 7, concurrency_key: null, labels: null, serialized_params: { priority: 7, queue_name: 'callbacks' } });
    expect(callbackRow(batch, 'CallbackJob', 'finish', none, 'a', 'id', '2026-12-02 08:00:00')).toEqual({ missing: 'queue' });
    expect(callbackRow(batch, 'CallbackJob', 'finish', from({ ...template, queue_set: true }), 'a', 'id', '2026-12-02 08:00:00')).toEqual({ missing: 'queue' });
  });

  it('without an earlier callback job of the class: the configured queue, ActiveJob’s shape from a batched job, nothing else of it', () => {
    const row = callbackRow(batch, 'NewCallbackJob', 'finish', { template: null, configured: { queue: 'batch_callbacks', priority: null }, shape: batchedShape }, 'a', 'id', '2026-12-02 08:00:00.5');
    expect(row).toEqual({
      queue_name: 'batch_callbacks',
      priority: 0,
      concurrency_key: null,
      labels: null,
      is_discrete: null,
      serialized_params: expect.objectContaining({ job_class: 'NewCallbackJob', queue_name: 'batch_callbacks', priority: null, locale: 'ko', timezone: 'Seoul', scheduled_at: null, enqueued_at: '2026-12-02T08:00:00.500000000Z', arguments: expect.any(Array) }),
    });
    expect(Object.keys((row as { serialized_params: object }).serialized_params).sort()).toEqual(Object.keys(batchedShape).sort());
    // A configured priority is the class's queue_with_priority; the batch's own still wins.
    expect(callbackRow(batch, 'NewCallbackJob', 'finish', { ...none, configured: { queue: 'q', priority: 3 } }, 'a', 'id', '2026-12-02 08:00:00')).toMatchObject({ priority: 3, serialized_params: { priority: 3 } });
    expect(callbackRow({ ...batch, callback_priority: 1 }, 'NewCallbackJob', 'finish', { ...none, configured: { queue: 'q', priority: 3 } }, 'a', 'id', '2026-12-02 08:00:00')).toMatchObject({ priority: 1 });
  });

  it('a configured queue names the class’s queue_as over an older callback job’s, which still gives its key and labels', () => {
    const row = callbackRow(batch, 'CallbackJob', 'finish', { template, configured: { queue: 'moved', priority: null }, shape: null }, 'a', 'id', '2026-12-02 08:00:00');
    expect(row).toMatchObject({ queue_name: 'moved', concurrency_key: template.concurrency_key, labels: ['cb'] });
  });
});

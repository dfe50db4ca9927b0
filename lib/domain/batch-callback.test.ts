import { describe, expect, it } from 'vitest';
import { callbackRow, globalIdApp, type CallbackTemplate } from './batch-callback';

const template: CallbackTemplate = {
  queue_name: 'default',
  priority: 0,
  concurrency_key: 'ExampleJob::BatchJob::CallbackJob',
  labels: null,
  is_discrete: null,
  serialized_params: { job_id: 'x', locale: 'ja', priority: null, timezone: 'Tokyo', arguments: [], job_class: 'X', executions: 1, queue_name: 'default', enqueued_at: '2026-11-22T12:07:58Z', provider_job_id: null, exception_executions: { a: 1 } },
  queue_set: false,
  priority_set: false,
};
const batch = { id: 'b1b1b1b1-0000-4000-8000-000000000000', callback_queue_name: null, callback_priority: null };

describe('batch callback rows', () => {
  it('read the GlobalID app from a callback job’s arguments', () => {
    expect(globalIdApp({ arguments: [{ _aj_globalid: 'gid://goodjob-anchor/GoodJob::Batch/123' }, {}] })).toBe('goodjob-anchor');
    expect(globalIdApp({ arguments: ['x'] })).toBeNull();
    expect(globalIdApp(null)).toBeNull();
  });
  it('copy what the app knows from the template, with the event and batch in the arguments', () => {
    const row = callbackRow(batch, 'CallbackJob', 'discard', template, 'my-app', 'new-id', '2026-12-02 08:00:00.123456');
    expect(row).toMatchObject({ queue_name: 'default', priority: 0, concurrency_key: template.concurrency_key });
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
    const row = callbackRow({ ...batch, callback_queue_name: 'callbacks', callback_priority: 7 }, 'CallbackJob', 'finish', null, 'a', 'id', '2026-12-02 08:00:00');
    expect(row).toMatchObject({ queue_name: 'callbacks', priority: 7, serialized_params: { priority: 7, queue_name: 'callbacks' } });
    expect(callbackRow(batch, 'CallbackJob', 'finish', null, 'a', 'id', '2026-12-02 08:00:00')).toEqual({ missing: 'queue' });
    expect(callbackRow(batch, 'CallbackJob', 'finish', { ...template, queue_set: true }, 'a', 'id', '2026-12-02 08:00:00')).toEqual({ missing: 'queue' });
  });
});

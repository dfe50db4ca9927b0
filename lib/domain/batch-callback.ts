// A batch callback job as GoodJob enqueues it (BatchRecord#_continue_discard_or_finish, v4.19.2): the user's class
// (on_discard / on_finish) performed with (the batch, { event: :discard | :finish }), batch_callback_id = the batch.
// What only the Rails app knows (queue_as, concurrency key, labels, locale, time zone, ActiveJob's enqueued_at format)
// is copied from a template: the newest earlier callback job of the same class, else one of the batch's own jobs. A
// template whose batch chose the callback queue or priority says nothing of the class's own: those are not copied.
import { activeJobTimeLike } from './time';

export type CallbackEvent = 'discard' | 'finish';

export interface CallbackTemplate {
  queue_name: string | null;
  priority: number | null;
  concurrency_key: string | null;
  labels: string[] | null;
  is_discrete: boolean | null;
  serialized_params: Record<string, unknown> | null;
  /** The template's own batch chose its queue / priority (callback_queue_name, callback_priority): not the class's. */
  queue_set: boolean;
  priority_set: boolean;
}

export interface CallbackBatch {
  id: string;
  callback_queue_name: string | null;
  callback_priority: number | null;
}

export interface CallbackRow {
  queue_name: string;
  priority: number;
  concurrency_key: string | null;
  labels: string[] | null;
  is_discrete: boolean | null;
  serialized_params: Record<string, unknown>;
}

/** The GlobalID app name in a job's arguments (`gid://<app>/GoodJob::Batch/<id>`), or null. */
export function globalIdApp(params: unknown): string | null {
  const args = (params as { arguments?: unknown } | null)?.arguments;
  if (!Array.isArray(args)) return null;
  for (const arg of args) {
    const gid = (arg as { _aj_globalid?: unknown } | null)?._aj_globalid;
    const m = typeof gid === 'string' ? /^gid:\/\/([^/]+)\/GoodJob::Batch\//.exec(gid) : null;
    if (m) return m[1]!;
  }
  return null;
}

/**
 * The callback job's row, or what is missing to write it: the queue (no callback_queue_name and no template to copy
 * the class's queue_as from). ActiveJob's `set(queue: nil, priority: nil)` leaves the class's own values: hence the
 * template's queue and priority when the batch sets none.
 */
export function callbackRow(
  batch: CallbackBatch,
  jobClass: string,
  event: CallbackEvent,
  template: CallbackTemplate | null,
  app: string,
  jobId: string,
  now: string,
): CallbackRow | { missing: 'queue' } {
  const queue = batch.callback_queue_name ?? (template && !template.queue_set ? template.queue_name : null);
  if (queue === null) return { missing: 'queue' };
  const base = template?.serialized_params ?? {};
  const classPriority = template !== null && !template.priority_set;
  const paramsPriority = batch.callback_priority ?? (classPriority ? ((base.priority as number | null | undefined) ?? null) : null);
  const params: Record<string, unknown> = {
    ...base,
    job_id: jobId,
    locale: base.locale ?? 'en',
    priority: paramsPriority,
    timezone: base.timezone ?? 'UTC',
    arguments: [
      { _aj_globalid: `gid://${app}/GoodJob::Batch/${batch.id}` },
      { event: { value: event, _aj_serialized: 'ActiveJob::Serializers::SymbolSerializer' }, _aj_symbol_keys: ['event'] },
    ],
    job_class: jobClass,
    executions: 0,
    queue_name: queue,
    enqueued_at: activeJobTimeLike(now, base.enqueued_at),
    provider_job_id: null,
    exception_executions: {},
  };
  if ('scheduled_at' in base) params.scheduled_at = null;
  return {
    queue_name: queue,
    priority: batch.callback_priority ?? (classPriority ? (template.priority ?? 0) : 0),
    concurrency_key: template?.concurrency_key ?? null,
    labels: template?.labels ?? null,
    is_discrete: template?.is_discrete ?? null,
    serialized_params: params,
  };
}

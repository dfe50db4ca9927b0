// A batch callback job as GoodJob enqueues it (BatchRecord#_continue_discard_or_finish, v4.19.2):
//   callback_class.set(priority: callback_priority, queue: callback_queue_name).perform_later(batch, { event: })
// inside Batch.within_thread(batch_id: nil, batch_callback_id: batch.id). So:
// - queue and priority: the batch's callback_queue_name / callback_priority, else the class's own (`queue_as`,
//   `queue_with_priority`), which only the Rails app knows: read off the newest earlier callback job of the class
//   whose batch left them to the class, else GOOD_JOB_CALLBACK_QUEUES; unknown queue: refused;
// - concurrency key, labels, is_discrete: the class's own, from that earlier callback job of the class; without one
//   none (a class without GoodJob's concurrency and label extensions writes none) — never the batched jobs';
// - serialized_params: ActiveJob's shape of this app (Rails version: a `scheduled_at` key or not, enqueued_at's
//   precision; locale, time zone) from that earlier callback job, else from any job of the batch, with the callback's
//   own values written over it.
import type { ConfiguredCallback } from './callback-queues';
import { activeJobTimeLike } from './time';

export type CallbackEvent = 'discard' | 'success' | 'finish';

/** An earlier callback job of the same class. */
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

/** What the dashboard knows of one callback class. */
export interface CallbackSources {
  template: CallbackTemplate | null;
  /** The class's entry in GOOD_JOB_CALLBACK_QUEUES. */
  configured: ConfiguredCallback | null;
  /** serialized_params of any job of the batch: the app's ActiveJob shape, when no template shows it. */
  shape: Record<string, unknown> | null;
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

/** The class's own queue and priority (what `set(queue: nil, priority: nil)` leaves), or null when unknown. */
function classDefaults({ template, configured }: CallbackSources): { queue: string | null; priority: number | null } {
  // The operator's word first: it names the class's current queue_as, an old job may show an older one.
  if (configured) return { queue: configured.queue, priority: configured.priority };
  const queue = template && !template.queue_set ? template.queue_name : null;
  const priority = template && !template.priority_set ? ((template.serialized_params?.priority as number | null | undefined) ?? null) : null;
  return { queue, priority };
}

/**
 * The callback job's row, or what is missing to write it: the queue (no callback_queue_name, no earlier callback job
 * of the class that shows its queue_as, no GOOD_JOB_CALLBACK_QUEUES entry).
 */
export function callbackRow(batch: CallbackBatch, jobClass: string, event: CallbackEvent, sources: CallbackSources, app: string, jobId: string, now: string): CallbackRow | { missing: 'queue' } {
  const own = classDefaults(sources);
  const queue = batch.callback_queue_name ?? own.queue;
  if (queue === null) return { missing: 'queue' };
  // ActiveJob's priority: the one set, else the class's; GoodJob writes nil as 0 in its column.
  const priority = batch.callback_priority ?? own.priority;
  const base = sources.template?.serialized_params ?? sources.shape ?? {};
  const params: Record<string, unknown> = {
    job_id: jobId,
    locale: base.locale ?? 'en',
    priority,
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
  // Rails 7.1+ serializes scheduled_at (nil for a job enqueued to run now); 6.1 has no such key.
  if ('scheduled_at' in base) params.scheduled_at = null;
  const template = sources.template;
  return {
    queue_name: queue,
    priority: priority ?? 0,
    concurrency_key: template?.concurrency_key ?? null,
    labels: template?.labels ?? null,
    is_discrete: template?.is_discrete ?? null,
    serialized_params: params,
  };
}


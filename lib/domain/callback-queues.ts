// GOOD_JOB_CALLBACK_QUEUES: the queue (and, optionally, the priority) a batch callback class names in the Rails app
// (`queue_as`, `queue_with_priority`), for the classes whose callback jobs the dashboard has never seen. Written in
// GoodJob's own queue syntax: `CallbackJob=batch_callbacks, Billing::DoneJob=billing:10` (a `:` ends a queue name in
// GoodJob's configuration too). Pure: no I/O.

export interface ConfiguredCallback {
  queue: string;
  /** The class's queue_with_priority; null: the class sets none (ActiveJob's default, written as 0). */
  priority: number | null;
}

export type CallbackQueues = ReadonlyMap<string, ConfiguredCallback>;

/** A Ruby constant path, as GoodJob stores a callback class in `on_finish` / `on_discard` / `on_success`. */
const CLASS_NAME = /^(?:::)?[A-Z][A-Za-z0-9_]*(?:::[A-Z][A-Za-z0-9_]*)*$/;
const ENTRY = /^([^=\s]+)\s*=\s*([^:,=\s]+)(?::(-?\d{1,10}))?$/;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** The setting's entries, or every entry that is not `Class=queue` / `Class=queue:priority`, as written. */
export function parseCallbackQueues(value: string | undefined): { ok: true; queues: CallbackQueues } | { ok: false; bad: string[] } {
  const queues = new Map<string, ConfiguredCallback>();
  const bad: string[] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const m = ENTRY.exec(entry);
    const priority = m?.[3] === undefined ? null : Number(m[3]);
    if (!m || !CLASS_NAME.test(m[1]!) || (priority !== null && (priority < INT_MIN || priority > INT_MAX)) || queues.has(m[1]!.replace(/^::/, ''))) {
      bad.push(entry);
      continue;
    }
    queues.set(m[1]!.replace(/^::/, ''), { queue: m[2]!, priority });
  }
  return bad.length > 0 ? { ok: false, bad } : { ok: true, queues };
}

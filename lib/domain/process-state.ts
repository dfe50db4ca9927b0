// GoodJob's rule for an active worker process (GoodJob::Process.active, v4.19):
// a process with a lock type is active while it holds its advisory lock; one without (older writers) while its
// heartbeat is under 5 minutes old. Databases without the lock_type column: the advisory lock alone.
import { parseDbTime } from './time';

export const EXPIRED_INTERVAL_MS = 5 * 60 * 1000;

export interface ProcessLockFields {
  lock_type?: number | null;
  locked: boolean;
  updated_at: string;
}

export function processActive(p: ProcessLockFields, now: Date, hasLockTypeColumn: boolean): boolean {
  if (!hasLockTypeColumn) return p.locked;
  if (p.lock_type != null) return p.locked;
  const heartbeat = parseDbTime(p.updated_at);
  return heartbeat !== null && now.getTime() - heartbeat.getTime() < EXPIRED_INTERVAL_MS;
}

export interface ProcessInfo {
  hostname: string | null;
  pid: number | null;
  queues: string[];
  threads: number | null;
  memoryKb: number | null;
  /** Each scheduler: its queue string and its thread count (GoodJob's "queues=… max_threads=…"). */
  schedulers: { queues: string; maxThreads: number | null }[];
  /** Whether the process runs GoodJob's cron scheduler; null when its state does not say. */
  cronEnabled: boolean | null;
  /** Its ActiveRecord connection pool: size, and connections in use when the state was written. */
  pool: { size: number; active: number | null } | null;
}

/** What the dashboard shows from a process's `state` JSON (GoodJob::Process.process_state). */
export function processInfo(state: unknown): ProcessInfo {
  const s = (state ?? {}) as { hostname?: unknown; pid?: unknown; memory?: unknown; schedulers?: unknown; cron_enabled?: unknown; database_connection_pool?: unknown };
  const pool = (s.database_connection_pool ?? null) as { size?: unknown; active?: unknown } | null;
  const schedulers = Array.isArray(s.schedulers) ? (s.schedulers as Array<{ queues?: unknown; max_threads?: unknown }>) : [];
  const threads = schedulers.reduce((sum, x) => sum + (typeof x.max_threads === 'number' ? x.max_threads : 0), 0);
  return {
    hostname: typeof s.hostname === 'string' ? s.hostname : null,
    pid: typeof s.pid === 'number' ? s.pid : null,
    queues: schedulers.map((x) => (typeof x.queues === 'string' ? x.queues : '*')),
    threads: schedulers.length > 0 ? threads : null,
    memoryKb: typeof s.memory === 'number' ? s.memory : null,
    schedulers: schedulers.map((x) => ({ queues: typeof x.queues === 'string' ? x.queues : '*', maxThreads: typeof x.max_threads === 'number' ? x.max_threads : null })),
    cronEnabled: typeof s.cron_enabled === 'boolean' ? s.cron_enabled : null,
    pool: pool && typeof pool.size === 'number' ? { size: pool.size, active: typeof pool.active === 'number' ? pool.active : null } : null,
  };
}

/** What a scheduler's queue string means (GoodJob's syntax: `*`, `a,b`, `-a,b` all but these, `+a,b` in this order). */
export type QueueSelection = { kind: 'all' } | { kind: 'except'; names: string[] } | { kind: 'only'; names: string[]; ordered: boolean };

export function parseQueueSelection(queues: string): QueueSelection {
  let text = queues.trim() || '*';
  const mode = text[0] === '-' ? 'except' : text[0] === '+' ? 'ordered' : 'only';
  if (mode !== 'only') text = text.slice(1);
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (names.length === 0 || names.includes('*')) return { kind: 'all' };
  return mode === 'except' ? { kind: 'except', names } : { kind: 'only', names, ordered: mode === 'ordered' };
}

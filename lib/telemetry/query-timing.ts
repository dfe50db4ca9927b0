// Times every statement a pool's clients run (dashboard_query_duration_seconds): each client the pool connects gets a
// `query` that starts a timer and stops it when the statement ends — its promise settles, its callback runs, or a
// submitted query (a cursor, a stream) emits `end` or `error`. pool.query() runs on such a client, so it is timed once.
import type pg from 'pg';
import { startQueryTimer, type PoolLabel } from './dashboard-metrics';

type Callback = (...args: unknown[]) => unknown;
type Emitting = { once(event: string, listener: () => void): unknown };

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';
const isEmitting = (value: unknown): value is Emitting => typeof (value as { once?: unknown } | null)?.once === 'function';

/** A stop function that only counts its first call. */
function once(stop: () => void): () => void {
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    stop();
  };
}

function timeClient(client: pg.PoolClient, pool: PoolLabel): void {
  const original = client.query as unknown as Callback;
  const timed = function timedQuery(this: unknown, ...args: unknown[]): unknown {
    const stop = once(startQueryTimer(pool));
    const last = args.length > 0 ? args[args.length - 1] : undefined;
    if (typeof last === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        stop();
        return (last as Callback)(...results);
      };
      return Reflect.apply(original, this, args);
    }
    let result: unknown;
    try {
      result = Reflect.apply(original, this, args);
    } catch (error) {
      stop();
      throw error;
    }
    // Observed on a branch of its own: the caller's promise keeps its rejection for the caller to handle.
    if (isThenable(result)) result.then(stop, stop);
    else if (isEmitting(result)) {
      result.once('end', stop);
      result.once('error', stop);
    } else stop();
    return result;
  };
  client.query = timed as unknown as typeof client.query;
}

/** Times the statements of every client `pool` connects from now on. */
export function timeQueries(pool: pg.Pool, label: PoolLabel): void {
  pool.on('connect', (client) => timeClient(client, label));
}

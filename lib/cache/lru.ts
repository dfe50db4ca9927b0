// The dashboard's one cache mechanism: lru-cache bounds every cache (least recently used dropped first), so that no
// value a request chooses — a time zone, a filter, a locale — can grow the process. Freshness is checked against the
// caller's clock (a parameter, so tests need no fake timers), not lru-cache's own.
import { LRUCache } from 'lru-cache';

/** What a cache may hold: anything but null and undefined (lru-cache's own bound). */
export type Value = NonNullable<unknown>;

export type Cache<V extends Value> = LRUCache<string, V>;

/** A cache of at most `max` entries. */
export const boundedCache = <V extends Value>(max: number): Cache<V> => new LRUCache<string, V>({ max });

/** The value kept under `key`, made once while it stays in the cache (formatters and other costly constants). */
export function remembered<V extends Value>(cache: Cache<V>, key: string, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

export interface Stamped<V> {
  at: number;
  value: V;
}

/** The value kept under `key` if it was made less than `ttlMs` before `now`, else a new one made and kept. */
export function freshOrMake<V>(cache: Cache<Stamped<V>>, key: string, ttlMs: number, now: number, make: () => V): V {
  const hit = cache.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value;
  const value = make();
  cache.set(key, { at: now, value });
  return value;
}

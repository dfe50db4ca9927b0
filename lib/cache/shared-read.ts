// No database access of its own: the proxy's health probes (lib/db/health.ts) share reads through it too.
import { boundedCache, freshOrMake, type Stamped } from './lru';

/** At most this many results are kept (least recently used dropped first): a cache, never a store. */
const entries = boundedCache<Stamped<Promise<unknown>>>(200);

/**
 * One read shared by every request that asks for `key` within `ttlMs`: eight tabs (or one tab's live updates every
 * 3 s) on a 100,000-job batch run its timeline, durations and error summary once, not eight times. The read in flight
 * is shared too. A failed read is not kept. Process memory only: another instance reads for itself.
 */
export function sharedRead<T>(key: string, ttlMs: number, read: () => Promise<T>, now = Date.now()): Promise<T> {
  return freshOrMake(entries, key, ttlMs, now, () => {
    const value = read();
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  }) as Promise<T>;
}

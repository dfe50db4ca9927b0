// No database access of its own: the proxy's health probes (lib/db/health.ts) share reads through it too.

/** At most this many results are kept (oldest dropped first): a cache, never a store. */
const MAX_ENTRIES = 200;
const entries = new Map<string, { at: number; value: Promise<unknown> }>();

/**
 * One read shared by every request that asks for `key` within `ttlMs`: eight tabs (or one tab's live updates every
 * 3 s) on a 100,000-job batch run its timeline, durations and error summary once, not eight times. A failed read is
 * not kept. Process memory only: another instance reads for itself.
 */
export function sharedRead<T>(key: string, ttlMs: number, read: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
  const value = read();
  entries.delete(key);
  entries.set(key, { at: now, value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

import 'server-only';
import type { Db } from '../db/client';
import { listBatchCallbackClasses } from './batches';

/** How long the batches filter's callback choices are reused; they change when a new callback class appears. */
export const CALLBACK_CHOICES_TTL_MS = 60_000;
/** The first read in a process is waited for this long at most; the page then renders without choices. */
const FIRST_READ_WAIT_MS = 500;

let cached: { at: number; value: string[] } | null = null;
let reading: Promise<string[]> | null = null;

function refresh(db: Db, now: number): Promise<string[]> {
  reading ??= listBatchCallbackClasses(db)
    .then((value) => {
      cached = { at: now, value };
      return value;
    })
    .finally(() => {
      reading = null;
    });
  return reading;
}

/** The refresh in flight, if any (for tests). */
export const callbackChoicesRefreshing = (): Promise<string[]> | null => reading;

/**
 * The callback classes the batches filter offers, off the list's hot path: without the suggested
 * (created_at, id) index their read scans the batches table (~100 ms at 100,000 batches), so it runs at most once a
 * minute per process, in the background once a value exists (stale while it refreshes). A class not offered still
 * filters through the URL (the form keeps it as an extra option).
 */
export async function callbackChoices(db: Db, now = Date.now()): Promise<string[]> {
  if (cached && now - cached.at < CALLBACK_CHOICES_TTL_MS) return cached.value;
  const next = refresh(db, now);
  if (cached) {
    next.catch(() => undefined);
    return cached.value;
  }
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<string[]>((resolve) => (timer = setTimeout(() => resolve([]), FIRST_READ_WAIT_MS)));
  try {
    return await Promise.race([next.catch(() => []), waited]);
  } finally {
    clearTimeout(timer);
  }
}

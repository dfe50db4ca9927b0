import 'server-only';

/**
 * A page cannot set its HTTP status in the App Router (only 404 through notFound()). The production server
 * (scripts/server/serve.mjs) runs every request inside an AsyncLocalStorage holding this record and applies it when the
 * response's head is written — which, for our pages, is after their data has loaded. So a page that finds the
 * database busy or down answers a real 503 with Retry-After. Outside that server (next dev) it is a no-op.
 */
export interface ResponseOverride {
  status: number | null;
  retryAfterSeconds: number | null;
}

const KEY = Symbol.for('goodjob-dashboard.response-override');

type Storage = { getStore(): ResponseOverride | undefined };

export function answerWithStatus(status: number, retryAfterSeconds: number | null = null): void {
  const storage = (globalThis as { [KEY]?: Storage })[KEY];
  const store = storage?.getStore();
  if (!store) return;
  store.status = status;
  store.retryAfterSeconds = retryAfterSeconds;
}

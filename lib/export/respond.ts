import 'server-only';
import { readDb } from '../db/read';
import { isFault, loadOrUnavailable, logUnexpected } from '../db/load';
import { csvHeader, csvLine, exportFileName, ndjsonLine, type ExportFormat, type ExportJob } from '../domain/export';
import { jobFilterParams } from '../domain/job-filter';
import { messagesFor, preferredLocale } from '../edge/refusal';
import { exportJobs, type ExportScope } from '../queries/export';
import { setting } from '../env';

const CONTENT_TYPE: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson; charset=utf-8' };

/**
 * Downloads running at once in this server. A download no longer holds a render slot once it streams (the edge gives
 * it back), so this bounds them instead: DASHBOARD_MAX_EXPORTS (4 by default) at a time, the next one a 429 with
 * Retry-After. Each holds one database connection per read and one page of rows. Counted on globalThis: the export
 * routes are separate bundles, and a module's own variable could be one copy per route.
 */
const RUNNING = Symbol.for('goodjob-dashboard.exports-running');
const counter = ((globalThis as { [RUNNING]?: { running: number } })[RUNNING] ??= { running: 0 });
const maxExports = () => setting('DASHBOARD_MAX_EXPORTS');

const plain = (status: number, text: string, retryAfter: number) =>
  new Response(`${status} ${text}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(retryAfter), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });

/**
 * A download of every job of the scope, streamed page by page as the client reads it (pull: a slow client slows the
 * reads, memory stays one page). The first page is read before the answer starts, so a download that cannot start
 * (the database busy or down) is a localized 503 with Retry-After, never a 200 that breaks. A read that fails midway
 * aborts the response — the client sees the download fail instead of ending early looking complete — and is logged
 * once.
 */
export async function exportResponse(scope: ExportScope, format: ExportFormat, requestHeaders: Headers): Promise<Response> {
  const t = messagesFor(preferredLocale(requestHeaders)).ErrorPage;
  if (counter.running >= maxExports()) return plain(429, t.exportsBusy, 30);
  counter.running += 1;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    counter.running -= 1;
  };
  const now = new Date();
  let pages: AsyncGenerator<ExportJob[]> | undefined;
  const first = await loadOrUnavailable(async () => {
    pages = exportJobs(await readDb(), scope, format, now);
    return pages.next();
  }).catch((error: unknown) => {
    logUnexpected('export_failed', error);
    return null;
  });
  if (first === null || isFault(first) || pages === undefined) {
    release();
    void pages?.return(undefined);
    return plain(503, t.exportUnavailable, 5);
  }
  const source = pages;
  const encoder = new TextEncoder();
  const line = format === 'csv' ? csvLine : ndjsonLine;
  let pending: IteratorResult<ExportJob[]> | null = first;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === 'csv') controller.enqueue(encoder.encode(csvHeader()));
    },
    async pull(controller) {
      try {
        const next = pending ?? (await source.next());
        pending = null;
        if (next.done) {
          release();
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((job) => line(job, now)).join('')));
      } catch (error) {
        release();
        logUnexpected('export_failed_midway', error);
        controller.error(error);
      }
    },
    async cancel() {
      release();
      await source.return(undefined);
    },
  });
  const name = exportFileName('batchId' in scope ? { batchId: scope.batchId } : { filter: jobFilterParams(scope.filter) }, format);
  return new Response(stream, {
    headers: {
      'content-type': CONTENT_TYPE[format],
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

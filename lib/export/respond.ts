import 'server-only';
import { readDb } from '../db/read';
import { csvHeader, csvLine, exportFileName, ndjsonLine, type ExportFormat } from '../domain/export';
import { jobFilterParams } from '../domain/job-filter';
import { exportJobs, type ExportScope } from '../queries/export';

const CONTENT_TYPE: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson; charset=utf-8' };

/**
 * A download of every job of the scope, streamed page by page as the client reads it (pull: a slow client slows the
 * reads, memory stays one page). A read that fails midway aborts the response, so the download visibly fails
 * instead of ending early looking complete.
 */
export async function exportResponse(scope: ExportScope, format: ExportFormat): Promise<Response> {
  const now = new Date();
  const pages = exportJobs(await readDb(), scope, format, now);
  const encoder = new TextEncoder();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started && format === 'csv') controller.enqueue(encoder.encode(csvHeader()));
        started = true;
        const next = await pages.next();
        if (next.done) {
          controller.close();
          return;
        }
        const line = format === 'csv' ? csvLine : ndjsonLine;
        controller.enqueue(encoder.encode(next.value.map((job) => line(job, now)).join('')));
      } catch (error) {
        console.error('export failed midway', error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
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

import { parseUuid } from '@/lib/domain/ids';
import { parseJobStatus } from '@/lib/domain/job-state';
import { pageRequestFrom } from '@/lib/domain/paging';
import { jobViews } from '@/lib/live/job-views';
import { liveLoad, liveQuery } from '@/lib/live/read';
import { liveResponse, livePlain } from '@/lib/live/respond';
import { batchPageSignature } from '@/lib/live/views';
import { loadBatchPage } from '@/lib/queries/batch-page';

/** Live updates of a batch page (same query as the page): 304 when its job tables, counts and the batch are as shown. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { search, locale } = liveQuery(request);
  const batchId = parseUuid((await params).id);
  if (locale === null || batchId === null) return livePlain(404, 'Not found');
  const now = new Date();
  const inspect = search.inspect === 'all';
  const data = await liveLoad((db) => loadBatchPage(db, batchId, { page: pageRequestFrom(search), status: parseJobStatus(search.state), now, inspect }));
  if (data instanceof Response) return data;
  if (data === null) return livePlain(404, 'Not found');
  const options = { locale, now, pauses: data.pauses, listContext: false, columns: inspect ? data.batchedJobs.columns : undefined };
  return liveResponse(request, batchPageSignature(data, now), async () => ({
    'callback-jobs': await jobViews(data.callbackJobs.rows, options),
    'batched-jobs': await jobViews(data.batchedJobs.rows, options),
  }));
}

import { parseBatchFilter } from '@/lib/domain/batch-filter';
import { pageRequestFrom } from '@/lib/domain/paging';
import { parseTimeZone } from '@/lib/domain/preferences';
import { batchRowView } from '@/lib/domain/row-view';
import { liveLoad, liveQuery } from '@/lib/live/read';
import { liveResponse, livePlain } from '@/lib/live/respond';
import { batchesListSignature } from '@/lib/live/views';
import { batchJobTotals, listBatches } from '@/lib/queries/batches';

/** Live updates of the batches list (same query as the page): 304 when its rows and their job totals are as shown. */
export async function GET(request: Request) {
  const { search, locale } = liveQuery(request);
  if (locale === null) return livePlain(404, 'Not found');
  // The zone as the page reads it: one the runtime knows, else UTC (never a cache entry per unknown name).
  const { filter } = parseBatchFilter(search, parseTimeZone(typeof search.tz === 'string' ? search.tz : undefined));
  const loaded = await liveLoad(async (db) => {
    const page = await listBatches(db, filter, pageRequestFrom(search));
    return { page, totals: await batchJobTotals(db, page.rows.map((b) => b.id)) };
  });
  if (loaded instanceof Response) return loaded;
  const now = new Date();
  return liveResponse(request, batchesListSignature(loaded), async () => ({
    batches: loaded.page.rows.map((b) => batchRowView(b, loaded.totals.get(b.id), { locale, now })),
  }));
}

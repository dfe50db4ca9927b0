import { parseJobFilter } from '@/lib/domain/job-filter';
import { pageRequestFrom } from '@/lib/domain/paging';
import { jobViews } from '@/lib/live/job-views';
import { liveLoad, liveQuery } from '@/lib/live/read';
import { liveResponse, livePlain } from '@/lib/live/respond';
import { jobsListSignature } from '@/lib/live/views';
import { countJobsByState, listJobs } from '@/lib/queries/jobs';
import { readPausesSetting } from '@/lib/queries/settings';
import { optionalPart } from '@/lib/db/load';

/** Live updates of the jobs list (same query as the page): 304 when its rows and tab counts are as shown. */
export async function GET(request: Request) {
  const { search, locale } = liveQuery(request);
  if (locale === null) return livePlain(404, 'Not found');
  const filter = parseJobFilter(search);
  const now = new Date();
  const loaded = await liveLoad(async (db) => {
    const [result, counts] = await Promise.all([listJobs(db, filter, pageRequestFrom(search), now), optionalPart('live_jobs_counts', countJobsByState(db, filter, now), null)]);
    return { db, result, counts };
  });
  if (loaded instanceof Response) return loaded;
  const { db, result, counts } = loaded;
  return liveResponse(request, jobsListSignature(result, counts, now), async () => ({
    jobs: result.kind === 'page' ? await jobViews(result.rows, { locale, now, pauses: await readPausesSetting(db), listContext: true }) : [],
  }));
}

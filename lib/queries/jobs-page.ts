import 'server-only';
import type { Db } from '../db/client';
import type { JobFilter } from '../domain/job-filter';
import type { PageRequest } from '../domain/paging';
import type { BoundedCount } from './bounded-count';
import { countMatchingJobs, jobFacets, listJobs, type Facets, type JobsResult } from './jobs';

export interface JobsPageData {
  result: JobsResult;
  facets: Facets;
  /** Null when counting timed out together with a slow search. */
  matching: BoundedCount | null;
}

export async function loadJobsPage(db: Db, filter: JobFilter, request: PageRequest, now: Date): Promise<JobsPageData> {
  const [result, facets] = await Promise.all([listJobs(db, filter, request, now), jobFacets(db)]);
  const matching = result.kind === 'page' ? await countMatchingJobs(db, filter, now).catch(() => null) : null;
  return { result, facets, matching };
}

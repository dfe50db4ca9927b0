import 'server-only';
import type { Db } from '../db/client';
import type { JobFilter } from '../domain/job-filter';
import type { PageRequest } from '../domain/paging';
import { jobFacets, listJobs, type Facets, type JobsResult } from './jobs';

export interface JobsPageData {
  result: JobsResult;
  facets: Facets;
}

export async function loadJobsPage(db: Db, filter: JobFilter, request: PageRequest, now: Date): Promise<JobsPageData> {
  const [result, facets] = await Promise.all([listJobs(db, filter, request, now), jobFacets(db)]);
  return { result, facets };
}

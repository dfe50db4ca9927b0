import 'server-only';
import type { Db } from '../db/client';
import type { JobFilter } from '../domain/job-filter';
import type { PageRequest } from '../domain/paging';
import { jobFacets, listJobs } from './jobs';
import type { JobsPageData } from '../read-models/jobs';
import { readPausesSetting } from './settings';

export async function loadJobsPage(db: Db, filter: JobFilter, request: PageRequest, now: Date): Promise<JobsPageData> {
  const [result, facets, pauses] = await Promise.all([listJobs(db, filter, request, now), jobFacets(db), readPausesSetting(db)]);
  return { result, facets, pauses };
}

import 'server-only';
import type { Db } from '../db/client';
import type { JobFilter } from '../domain/job-filter';
import type { PageRequest } from '../domain/paging';
import type { Pauses } from '../domain/settings';
import { jobFacets, listJobs } from './jobs';
import type { Facets } from '../read-models/jobs';
import type { JobsResult } from '../read-models/jobs';
import { readPausesSetting } from './settings';

export interface JobsPageData {
  result: JobsResult;
  facets: Facets;
  pauses: Pauses;
}

export async function loadJobsPage(db: Db, filter: JobFilter, request: PageRequest, now: Date): Promise<JobsPageData> {
  const [result, facets, pauses] = await Promise.all([listJobs(db, filter, request, now), jobFacets(db), readPausesSetting(db)]);
  return { result, facets, pauses };
}

import 'server-only';
import type { Db } from '../db/client';
import type { JobStatus } from '../domain/job-state';
import type { PageRequest } from '../domain/paging';
import { countBatchJobs, getBatch, listBatchJobs } from './batches';
import type { BatchPageData } from '../read-models/batches';
import { readPausesSetting } from './settings';

export interface BatchPageQuery {
  page: PageRequest;
  /** Inspect all: the jobs' serialized_params are read (otherwise each Inspect reads its own when opened). */
  inspect: boolean;
  status: JobStatus | null;
  now: Date;
}

/** Everything the batch page shows; null when there is no such batch. The reads after the batch run in parallel. */
export async function loadBatchPage(db: Db, batchId: string, query: BatchPageQuery): Promise<BatchPageData | null> {
  const found = await getBatch(db, batchId);
  if (!found) return null;
  const [{ counts, estimated }, callbackJobs, batchedJobs, pauses] = await Promise.all([
    countBatchJobs(db, batchId, query.now),
    listBatchJobs(db, batchId, { kind: 'callback', withParams: query.inspect }),
    listBatchJobs(db, batchId, { kind: 'batched', page: query.page, status: query.status, now: query.now, withParams: query.inspect }),
    readPausesSetting(db),
  ]);
  return { batch: found.batch, batchColumns: found.columns, counts, countsEstimated: estimated, callbackJobs, batchedJobs, pauses };
}

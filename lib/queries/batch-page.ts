import 'server-only';
import type { Db } from '../db/client';
import type { StatusCounts } from '../domain/batch-state';
import type { Cursor } from '../domain/cursor';
import { countBatchJobs, getBatch, listBatchJobs, type JobPage } from './batches';
import type { BatchRow } from './columns';

export interface BatchPageData {
  batch: BatchRow;
  batchColumns: readonly string[];
  counts: StatusCounts;
  callbackJobs: JobPage;
  batchedJobs: JobPage;
}

/** Everything the batch page shows; null when there is no such batch. The reads after the batch run in parallel. */
export async function loadBatchPage(db: Db, batchId: string, after: Cursor | null, now: Date): Promise<BatchPageData | null> {
  const found = await getBatch(db, batchId);
  if (!found) return null;
  const [counts, callbackJobs, batchedJobs] = await Promise.all([
    countBatchJobs(db, batchId, now),
    listBatchJobs(db, batchId, 'callback'),
    listBatchJobs(db, batchId, 'batched', after),
  ]);
  return { batch: found.batch, batchColumns: found.columns, counts, callbackJobs, batchedJobs };
}

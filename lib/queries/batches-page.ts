import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Page, PageRequest } from '../domain/paging';
import { batchFilterSql, batchJobTotals, listBatches, type BatchFilter, type BatchJobTotals } from './batches';
import { callbackChoices } from './callback-choices';
import { boundedCount, type BoundedCount } from './bounded-count';
import type { BatchRow } from './columns';

export interface BatchesPageData {
  page: Page<BatchRow>;
  totals: Map<string, BatchJobTotals>;
  count: BoundedCount;
  /** The callback classes the filter offers (read from the newest batches, at most once a minute per process). */
  callbacks: string[];
}

/** The batches list: one keyset page, its batches' job totals, how many batches match (bounded), the callback choices. */
export async function loadBatchesPage(db: Db, filter: BatchFilter, request: PageRequest): Promise<BatchesPageData> {
  const where = (await batchFilterSql(db, filter)) ?? sql`TRUE`;
  const [page, count, callbacks] = await Promise.all([
    listBatches(db, filter, request),
    boundedCount(db, sql`FROM good_job_batches WHERE ${where}`),
    callbackChoices(db),
  ]);
  const totals = await batchJobTotals(db, page.rows.map((b) => b.id));
  return { page, totals, count, callbacks };
}

import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { PageRequest } from '../domain/paging';
import { batchFilterSql, batchJobTotals, listBatches, type BatchFilter } from './batches';
import type { BatchesPageData } from '../read-models/batches';
import { callbackChoices } from './callback-choices';
import { boundedCount } from './bounded-count';

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

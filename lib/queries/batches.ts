import 'server-only';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { getCapabilities } from '../db/capabilities';
import type { Db } from '../db/client';
import { goodJobBatches, goodJobs } from '../db/schema';
import { JOB_STATUSES, type JobStatus } from '../domain/job-state';
import type { StatusCounts } from '../domain/batch-state';
import type { Cursor } from '../domain/cursor';
import { batchSelection, jobSelection, type BatchRow, type JobRow } from './columns';
import { jobStatusSql } from './job-status-sql';

export const PAGE_SIZE = 50;
/** Callback jobs are few (one per callback run); the cap only guards against a pathological batch. */
const CALLBACK_JOBS_LIMIT = 200;

export async function getBatch(db: Db, id: string): Promise<{ batch: BatchRow; columns: readonly string[] } | null> {
  const caps = await getCapabilities(db);
  const rows = await db.select(batchSelection(caps)).from(goodJobBatches).where(eq(goodJobBatches.id, id)).limit(1);
  const batch = rows[0] as BatchRow | undefined;
  return batch ? { batch, columns: caps.batchColumns } : null;
}

export interface JobPage {
  jobs: JobRow[];
  columns: readonly string[];
  /** Where the next (older) page starts, or null on the last page. */
  next: Cursor | null;
}

/** A batch's jobs newest first (`created_at`, then `id`): its batched jobs by keyset page, or all its callback jobs. */
export async function listBatchJobs(db: Db, batchId: string, kind: 'batched' | 'callback', after: Cursor | null = null): Promise<JobPage> {
  const caps = await getCapabilities(db);
  const limit = kind === 'batched' ? PAGE_SIZE : CALLBACK_JOBS_LIMIT;
  const owner = kind === 'batched' ? eq(goodJobs.batch_id, batchId) : eq(goodJobs.batch_callback_id, batchId);
  const keyset = after
    ? or(lt(goodJobs.created_at, after.at), and(eq(goodJobs.created_at, after.at), lt(goodJobs.id, after.id)))
    : undefined;
  const rows = (await db
    .select(jobSelection(caps))
    .from(goodJobs)
    .where(and(owner, keyset))
    .orderBy(desc(goodJobs.created_at), desc(goodJobs.id))
    .limit(limit + 1)) as JobRow[];
  const jobs = rows.slice(0, limit);
  const last = jobs.at(-1);
  const next = kind === 'batched' && rows.length > limit && last ? { at: last.created_at, id: last.id } : null;
  return { jobs, columns: caps.jobColumns, next };
}

/** Per-status counts of a batch's batched jobs, through the `batch_id` index. */
export async function countBatchJobs(db: Db, batchId: string, now: Date): Promise<StatusCounts> {
  const status = jobStatusSql(now);
  const rows = await db
    .select({ status, count: sql<number>`count(*)::int` })
    .from(goodJobs)
    .where(eq(goodJobs.batch_id, batchId))
    .groupBy(sql`1`);
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const row of rows) counts[row.status as JobStatus] = row.count;
  return counts;
}

export interface BatchListPage {
  batches: BatchRow[];
  next: Cursor | null;
}

/** Batches newest first by keyset (`created_at`, `id`). */
export async function listBatches(db: Db, after: Cursor | null = null): Promise<BatchListPage> {
  const caps = await getCapabilities(db);
  const keyset = after
    ? or(lt(goodJobBatches.created_at, after.at), and(eq(goodJobBatches.created_at, after.at), lt(goodJobBatches.id, after.id)))
    : undefined;
  const rows = (await db
    .select(batchSelection(caps))
    .from(goodJobBatches)
    .where(keyset)
    .orderBy(desc(goodJobBatches.created_at), desc(goodJobBatches.id))
    .limit(PAGE_SIZE + 1)) as BatchRow[];
  const batches = rows.slice(0, PAGE_SIZE);
  const last = batches.at(-1);
  return { batches, next: rows.length > PAGE_SIZE && last ? { at: last.created_at, id: last.id } : null };
}

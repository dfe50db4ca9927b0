import 'server-only';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getCapabilities, type Capabilities } from '../db/capabilities';
import type { Db } from '../db/client';
import { goodJobBatches, goodJobs } from '../db/schema';
import { JOB_STATUSES, type JobStatus } from '../domain/job-state';
import type { BatchState, StatusCounts } from '../domain/batch-state';
import { finishPage, type Page, type PageRequest } from '../domain/paging';
import { parseUuid } from '../domain/ids';
import { batchSelection, jobSelection, type BatchRow, type JobRow } from './columns';
import { jobStatusSql } from './job-status-sql';
import { keyset } from './keyset';

export const PAGE_SIZE = 50;
/** Callback jobs are few (one per callback run); the cap only guards against a pathological batch. */
const CALLBACK_JOBS_LIMIT = 200;
const FIRST_PAGE: PageRequest = { after: null, before: null };

export async function getBatch(db: Db, id: string): Promise<{ batch: BatchRow; columns: readonly string[] } | null> {
  const caps = await getCapabilities(db);
  const rows = await db.select(batchSelection(caps)).from(goodJobBatches).where(eq(goodJobBatches.id, id)).limit(1);
  const batch = rows[0] as BatchRow | undefined;
  return batch ? { batch, columns: caps.batchColumns } : null;
}

export interface JobPage extends Page<JobRow> {
  columns: readonly string[];
}

export interface BatchJobsQuery {
  kind: 'batched' | 'callback';
  page?: PageRequest;
  /** Only batched jobs in this status (GoodJob's rule, evaluated at `now`). */
  status?: JobStatus | null;
  now?: Date;
}

/** A batch's jobs newest first (`created_at`, then `id`): batched jobs by keyset page, callback jobs all at once. */
export async function listBatchJobs(db: Db, batchId: string, query: BatchJobsQuery): Promise<JobPage> {
  const caps = await getCapabilities(db);
  const request = query.kind === 'batched' ? (query.page ?? FIRST_PAGE) : FIRST_PAGE;
  const limit = query.kind === 'batched' ? PAGE_SIZE : CALLBACK_JOBS_LIMIT;
  const owner = query.kind === 'batched' ? eq(goodJobs.batch_id, batchId) : eq(goodJobs.batch_callback_id, batchId);
  const status = query.status ? sql`${jobStatusSql(query.now ?? new Date())} = ${query.status}` : undefined;
  const { where, orderBy } = keyset(goodJobs.created_at, goodJobs.id, request);
  const rows = (await db
    .select(jobSelection(caps))
    .from(goodJobs)
    .where(and(owner, status, where))
    .orderBy(...orderBy)
    .limit(limit + 1)) as JobRow[];
  const page = finishPage(rows, request, limit, (j) => ({ at: j.created_at, id: j.id }));
  return { ...page, columns: caps.jobColumns };
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

/** SQL for "the batch is in this state": the same order of precedence as batchState(). */
export function batchStateSql(state: BatchState, caps: Capabilities): SQL {
  const b = goodJobBatches;
  const jobsFinished = caps.hasJobsFinishedAt ? sql`${sql.identifier('jobs_finished_at')}` : sql`NULL::timestamp`;
  switch (state) {
    case 'discarded':
      return sql`${b.discarded_at} IS NOT NULL`;
    case 'succeeded':
      return sql`${b.discarded_at} IS NULL AND ${b.finished_at} IS NOT NULL`;
    case 'callbacksRunning':
      return sql`${b.discarded_at} IS NULL AND ${b.finished_at} IS NULL AND ${jobsFinished} IS NOT NULL`;
    case 'inProgress':
      return sql`${b.discarded_at} IS NULL AND ${b.finished_at} IS NULL AND ${jobsFinished} IS NULL AND ${b.enqueued_at} IS NOT NULL`;
    case 'notEnqueued':
      return sql`${b.discarded_at} IS NULL AND ${b.finished_at} IS NULL AND ${jobsFinished} IS NULL AND ${b.enqueued_at} IS NULL`;
  }
}

export interface BatchFilter {
  state?: BatchState | null;
  /** Text in the description, or a batch id (whole, or its first characters). */
  search?: string | null;
}

export async function batchFilterSql(db: Db, filter: BatchFilter): Promise<SQL | undefined> {
  const caps = await getCapabilities(db);
  const state = filter.state ? batchStateSql(filter.state, caps) : undefined;
  const text = filter.search?.trim();
  let search: SQL | undefined;
  if (text) {
    const uuid = parseUuid(text);
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    search = uuid
      ? eq(goodJobBatches.id, uuid)
      : /^[0-9a-f-]{4,35}$/i.test(text)
        ? or(sql`${goodJobBatches.id}::text LIKE ${`${escaped.toLowerCase()}%`}`, sql`${goodJobBatches.description} ILIKE ${`%${escaped}%`}`)
        : sql`${goodJobBatches.description} ILIKE ${`%${escaped}%`}`;
  }
  return and(state, search);
}

/** Batches newest first by keyset (`created_at`, `id`), filtered. */
export async function listBatches(db: Db, filter: BatchFilter = {}, request: PageRequest = FIRST_PAGE): Promise<Page<BatchRow>> {
  const caps = await getCapabilities(db);
  const { where, orderBy } = keyset(goodJobBatches.created_at, goodJobBatches.id, request);
  const rows = (await db
    .select(batchSelection(caps))
    .from(goodJobBatches)
    .where(and(await batchFilterSql(db, filter), where))
    .orderBy(...orderBy)
    .limit(PAGE_SIZE + 1)) as BatchRow[];
  return finishPage(rows, request, PAGE_SIZE, (b) => ({ at: b.created_at, id: b.id }));
}

export interface BatchJobTotals {
  total: number;
  finished: number;
  discarded: number;
}

/** Job totals of the batches on one page, through the `batch_id` index. */
export async function batchJobTotals(db: Db, batchIds: readonly string[]): Promise<Map<string, BatchJobTotals>> {
  if (batchIds.length === 0) return new Map();
  const rows = await db
    .select({
      batchId: goodJobs.batch_id,
      total: sql<number>`count(*)::int`,
      finished: sql<number>`(count(*) FILTER (WHERE ${goodJobs.finished_at} IS NOT NULL))::int`,
      discarded: sql<number>`(count(*) FILTER (WHERE ${goodJobs.finished_at} IS NOT NULL AND ${goodJobs.error} IS NOT NULL))::int`,
    })
    .from(goodJobs)
    .where(inArray(goodJobs.batch_id, [...batchIds]))
    .groupBy(goodJobs.batch_id);
  return new Map(rows.map((r) => [r.batchId!, { total: r.total, finished: r.finished, discarded: r.discarded }]));
}

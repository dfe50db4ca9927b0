import 'server-only';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { boundedCount } from './bounded-count';
import { getCapabilities, type Capabilities } from '../db/capabilities';
import type { Db } from '../db/client';
import { goodJobBatches, goodJobs } from '../db/schema';
import { JOB_STATUSES, type JobStatus } from '../domain/job-state';
import type { BatchFilter } from '../domain/batch-filter';
import type { BatchState, StatusCounts } from '../domain/batch-state';
import { finishPage, type Page, type PageRequest } from '../domain/paging';
import { parseUuid } from '../domain/ids';
import { batchSelection, jobSelection } from './columns';
import type { BatchRow } from '../read-models/rows';
import type { JobRow } from '../read-models/rows';
import { jobStatusSql } from '../sql/job-status-sql';
import { hasIndex } from './health';
import { keyset } from '../sql/keyset';
import type { BatchCounts, BatchJobTotals, JobPage } from '../read-models/batches';

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

export interface BatchJobsQuery {
  kind: 'batched' | 'callback';
  page?: PageRequest;
  /** Only batched jobs in this status (GoodJob's rule, evaluated at `now`). */
  status?: JobStatus | null;
  now?: Date;
  /** Read each job's serialized_params (for Inspect all); otherwise they are left out. */
  withParams?: boolean;
}

/** A batch's jobs newest first (`created_at`, then `id`): batched jobs by keyset page, callback jobs all at once. */
export async function listBatchJobs(db: Db, batchId: string, query: BatchJobsQuery): Promise<JobPage> {
  const caps = await getCapabilities(db);
  const selection = jobSelection(caps, { params: query.withParams ?? true });
  const request = query.kind === 'batched' ? (query.page ?? FIRST_PAGE) : FIRST_PAGE;
  const limit = query.kind === 'batched' ? PAGE_SIZE : CALLBACK_JOBS_LIMIT;
  const owner = query.kind === 'batched' ? eq(goodJobs.batch_id, batchId) : eq(goodJobs.batch_callback_id, batchId);
  const status = query.status ? sql`${jobStatusSql(query.now ?? new Date())} = ${query.status}` : undefined;
  const { where, orderBy } = keyset(goodJobs.created_at, goodJobs.id, request);
  const filter = and(owner, status, where);
  // Without a (batch_id, created_at) index the planner may walk the whole created_at index looking for a big batch's
  // jobs. Reading the batch's (id, created_at) through its batch_id index and keeping the newest 51 (a top-N sort in
  // memory) is bounded by the batch's size; OFFSET 0 keeps the planner from merging that read into the outer query.
  const direction = sql.raw(request.before ? 'ASC' : 'DESC');
  const rows = (
    query.kind === 'batched' && !(await hasIndex(db, 'index_good_jobs_on_batch_id_and_created_at'))
      ? await db
          .select(selection)
          .from(goodJobs)
          .where(
            sql`${goodJobs.id} IN (SELECT id FROM (SELECT id, created_at FROM good_jobs WHERE ${filter} OFFSET 0) AS batch_jobs
              ORDER BY created_at ${direction}, id ${direction} LIMIT ${limit + 1})`,
          )
          .orderBy(...orderBy)
      : await db.select(selection).from(goodJobs).where(filter).orderBy(...orderBy).limit(limit + 1)
  ) as JobRow[];
  const page = finishPage(rows, request, limit, (j) => ({ at: j.created_at, id: j.id }));
  return { ...page, columns: caps.jobColumns };
}

/** A batch larger than this is counted from a sample of this many of its jobs, scaled and marked as an estimate. */
export const BATCH_COUNT_SAMPLE = 10_000;

/**
 * Per-status counts of a batch's batched jobs, through the `batch_id` index; bounded for huge batches. The batch id
 * comes in through a lateral join so the sample is always read through the index: with the id as a constant the
 * planner may pick a sequential scan "until 10,001 rows match", whose length depends on where the batch lies in the
 * heap and where a concurrent scan happens to be (PostgreSQL synchronizes sequential scans): 7 ms or 300 ms.
 */
export async function countBatchJobs(db: Db, batchId: string, now: Date): Promise<BatchCounts> {
  const { rows } = await db.execute<{ status: JobStatus; count: number }>(sql`
    SELECT ${jobStatusSql(now)} AS status, count(*)::int AS count
    FROM unnest(ARRAY[${batchId}]::uuid[]) AS b(id)
    CROSS JOIN LATERAL (SELECT scheduled_at, performed_at, finished_at, created_at, error FROM good_jobs WHERE batch_id = b.id LIMIT ${BATCH_COUNT_SAMPLE + 1}) AS sample
    GROUP BY 1`);
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const row of rows) counts[row.status] = row.count;
  const sampled = rows.reduce((n, r) => n + r.count, 0);
  if (sampled <= BATCH_COUNT_SAMPLE) return { counts, estimated: false };
  const total = await boundedCount(db, sql`FROM good_jobs WHERE batch_id = ${batchId}`, BATCH_COUNT_SAMPLE);
  const scale = Math.max(total.value, sampled) / sampled;
  for (const s of JOB_STATUSES) counts[s] = Math.round(counts[s] * scale);
  return { counts, estimated: true };
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

export type { BatchFilter };

/**
 * A moment as GoodJob's UTC `timestamp`, written with its zone: the bounded count's plan cache takes a parameter that
 * looks like database time text (toDbTime) for a "now" and leaves it out of its key, but a created-at bound decides
 * how many rows match.
 */
const utcTimestamp = (date: Date) => sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * The filter's WHERE, shared by the keyset page and the bounded count. The created range is a plain range on
 * `created_at` (a constant on the right), so with the suggested (created_at, id) index it bounds that index scan; the
 * callback columns have no index and are checked on the rows that scan reads.
 */
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
  const b = goodJobBatches;
  const callback = filter.callback ? or(eq(b.on_finish, filter.callback), eq(b.on_success, filter.callback), eq(b.on_discard, filter.callback)) : undefined;
  const after = filter.createdAfter ? sql`${b.created_at} >= ${utcTimestamp(filter.createdAfter)}` : undefined;
  const before = filter.createdBefore ? sql`${b.created_at} < ${utcTimestamp(filter.createdBefore)}` : undefined;
  return and(state, search, callback, after, before);
}

/** How many of the newest batches the callback filter's choices are read from, and how many choices at most. */
export const CALLBACK_CLASS_SAMPLE = 1_000;
const CALLBACK_CLASS_LIMIT = 100;

/**
 * The callback job classes named by the newest CALLBACK_CLASS_SAMPLE batches, for the filter's choices. No index
 * lists the distinct classes (a loose index scan needs one on the column), and reading them from every batch is a
 * scan of the table; the newest batches name the classes in use. With the suggested (created_at, id) index this is an
 * index scan of 1,000 entries (a few ms); without it, a scan with a small top-N sort, like the list's own page.
 */
export async function listBatchCallbackClasses(db: Db): Promise<string[]> {
  const { rows } = await db.execute<{ name: string }>(sql`
    SELECT DISTINCT c.name
    FROM (SELECT on_finish, on_success, on_discard FROM good_job_batches ORDER BY created_at DESC, id DESC LIMIT ${CALLBACK_CLASS_SAMPLE}) AS recent
    CROSS JOIN LATERAL (VALUES (recent.on_finish), (recent.on_success), (recent.on_discard)) AS c(name)
    WHERE c.name IS NOT NULL
    ORDER BY c.name
    LIMIT ${CALLBACK_CLASS_LIMIT}`);
  return rows.map((r) => r.name);
}

/** Batches newest first by keyset (`created_at`, `id`), filtered. */
export async function listBatches(db: Db, filter: BatchFilter = {}, request: PageRequest = FIRST_PAGE, limit = PAGE_SIZE): Promise<Page<BatchRow>> {
  const caps = await getCapabilities(db);
  const { where, orderBy } = keyset(goodJobBatches.created_at, goodJobBatches.id, request);
  // GoodJob gives good_job_batches no index but its primary key: without the suggested (created_at, id) index the page
  // is a scan and a top-N sort of every batch. Sorting only (created_at, id) and reading the whole rows of the page's
  // 51 afterwards halves that scan's cost (the wide columns are not carried through it); with the index it is an
  // index scan either way.
  const pageIds = db
    .select({ id: goodJobBatches.id })
    .from(goodJobBatches)
    .where(and(await batchFilterSql(db, filter), where))
    .orderBy(...orderBy)
    .limit(limit + 1);
  const rows = (await db
    .select(batchSelection(caps))
    .from(goodJobBatches)
    .where(inArray(goodJobBatches.id, pageIds))
    .orderBy(...orderBy)) as BatchRow[];
  return finishPage(rows, request, limit, (b) => ({ at: b.created_at, id: b.id }));
}

/**
 * Job totals of the batches on one page, through the `batch_id` index, each from at most BATCH_COUNT_SAMPLE + 1 of
 * its jobs: a huge batch shows "more than 10,000" and the progress of that sample instead of counting them all.
 */
export async function batchJobTotals(db: Db, batchIds: readonly string[]): Promise<Map<string, BatchJobTotals>> {
  if (batchIds.length === 0) return new Map();
  const { rows } = await db.execute<{ batch_id: string; total: number; finished: number; discarded: number }>(sql`
    SELECT b.id AS batch_id, c.total, c.finished, c.discarded
    FROM unnest(${sql.raw(`ARRAY[${batchIds.map((id) => `'${id.replace(/[^0-9a-f-]/gi, '')}'`).join(',')}]::uuid[]`)}) AS b(id)
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total,
             (count(*) FILTER (WHERE finished_at IS NOT NULL))::int AS finished,
             (count(*) FILTER (WHERE finished_at IS NOT NULL AND error IS NOT NULL))::int AS discarded
      FROM (SELECT finished_at, error FROM good_jobs WHERE batch_id = b.id LIMIT ${BATCH_COUNT_SAMPLE + 1}) AS sample
    ) AS c`);
  return new Map(
    rows.map((r) => [r.batch_id, { total: r.total, finished: r.finished, discarded: r.discarded, capped: r.total > BATCH_COUNT_SAMPLE }]),
  );
}

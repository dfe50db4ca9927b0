import 'server-only';
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { getCapabilities } from '../db/capabilities';
import type { Db } from '../db/client';
import { isQueryTimeout } from '../db/errors';
import { goodJobExecutions, goodJobs } from '../db/schema';
import { jobOrder, type JobFilter } from '../domain/job-filter';
import type { Cursor } from '../domain/cursor';
import type { BulkAction } from '../domain/job-run';
import { JOB_STATUSES, type JobStatus } from '../domain/job-state';
import { finishPage, type PageRequest } from '../domain/paging';
import { boundedCount } from './bounded-count';
import type { BoundedCount } from '../read-models/bounded-count';
import { jobSelection } from './columns';
import type { JobRow } from '../read-models/rows';
import { actionableSql, goodJobStateSql, jobFilterSql, jobFilterSqlWithoutState, orderExpression } from '../sql/job-filter-sql';
import { keysetBy } from '../sql/keyset';
import { setting } from '../env';
import type { ExecutionRow, Facets, JobCounts, JobListRow, JobsResult } from '../read-models/jobs';

export const JOBS_PAGE_SIZE = 50;
/** How long a text search may run before the operator is asked to narrow it. */
const searchTimeoutMs = () => setting('DASHBOARD_SEARCH_TIMEOUT_MS');

/** One keyset page of jobs matching the filter, in GoodJob's order for its state. */
export async function listJobs(db: Db, filter: JobFilter, request: PageRequest, now: Date): Promise<JobsResult> {
  const caps = await getCapabilities(db);
  const { column, direction } = jobOrder(filter.state);
  const order = orderExpression(column);
  const { where, orderBy } = keysetBy(order, goodJobs.id, direction, request);
  const query = (tx: Pick<Db, 'select'>) =>
    tx
      .select({ ...jobSelection(caps, { params: false }), order_at: sql<string>`${order}` })
      .from(goodJobs)
      .where(and(jobFilterSql(filter, now), where))
      .orderBy(...orderBy)
      .limit(JOBS_PAGE_SIZE + 1) as unknown as Promise<JobListRow[]>;
  try {
    const rows =
      filter.search === null
        ? await query(db)
        : await db.transaction(async (tx) => {
            await tx.execute(sql`SELECT set_config('statement_timeout', ${String(searchTimeoutMs())}, true)`);
            return query(tx);
          });
    const page = finishPage(rows, request, JOBS_PAGE_SIZE, (j) => ({ at: j.order_at, id: j.id }));
    return { kind: 'page', ...page, columns: caps.jobColumns };
  } catch (error) {
    if (filter.search !== null && isQueryTimeout(error)) return { kind: 'searchTimeout' };
    throw error;
  }
}

/**
 * Per-tab counts under the filter's other conditions, each bounded (exact up to the limit, else an estimate). The
 * current tab's count is also how many jobs "all matching this filter" means for a bulk action.
 */
export async function countJobsByState(db: Db, filter: JobFilter, now: Date): Promise<JobCounts> {
  const base = jobFilterSqlWithoutState(filter);
  const whereOf = (state: JobStatus | null) => and(base, state ? goodJobStateSql(state, now) : undefined) ?? sql`TRUE`;
  // A text search no index serves is kept cheap by boundedCount's cost cap: on a large table, estimates.
  const counts = await Promise.all([null, ...JOB_STATUSES].map((state) => boundedCount(db, sql`FROM good_jobs WHERE ${whereOf(state)}`)));
  return Object.fromEntries([['all', counts[0]!], ...JOB_STATUSES.map((s, i) => [s, counts[i + 1]!])]) as JobCounts;
}

/** A job by its id, or by its ActiveJob id (GoodJob's dashboard accepts both). */
export async function getJob(db: Db, id: string): Promise<{ job: JobRow; columns: readonly string[] } | null> {
  const caps = await getCapabilities(db);
  const rows = (await db
    .select(jobSelection(caps))
    .from(goodJobs)
    .where(or(eq(goodJobs.id, id), eq(goodJobs.active_job_id, id)))
    .orderBy(sql`${goodJobs.id} = ${id} DESC`)
    .limit(1)) as JobRow[];
  return rows[0] ? { job: rows[0], columns: caps.jobColumns } : null;
}

/** A job's executions newest first (at most `limit`), numbered from the first attempt. */
export async function listExecutions(db: Db, activeJobId: string, limit = 100): Promise<{ executions: ExecutionRow[]; total: number }> {
  const e = goodJobExecutions;
  const rows = await db
    .select({
      id: e.id,
      created_at: e.created_at,
      scheduled_at: e.scheduled_at,
      finished_at: e.finished_at,
      error: e.error,
      error_event: e.error_event,
      error_backtrace: e.error_backtrace,
      duration: sql<string | null>`${e.duration}::text`,
      process_id: e.process_id,
      number: sql<number>`(row_number() OVER (ORDER BY ${e.created_at}, ${e.id}))::int`,
      total: sql<number>`(count(*) OVER ())::int`,
    })
    .from(e)
    .where(eq(e.active_job_id, activeJobId))
    .orderBy(desc(e.created_at), desc(e.id))
    .limit(limit);
  return { executions: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

const FACET_LIMIT = 200;

const facetCache = new WeakMap<Db, { at: number; facets: Promise<Facets> }>();
const FACET_TTL_MS = 30_000;

/**
 * Values for the queue, class and label selects, with counts: exact on small tables, from a 1% sample on large ones.
 * Queues, classes and labels change rarely: the answer is kept for 30 seconds.
 */
export function jobFacets(db: Db): Promise<Facets> {
  const hit = facetCache.get(db);
  if (hit && Date.now() - hit.at < FACET_TTL_MS) return hit.facets;
  const facets = loadFacets(db);
  facets.catch(() => facetCache.delete(db));
  facetCache.set(db, { at: Date.now(), facets });
  return facets;
}

async function loadFacets(db: Db): Promise<Facets> {
  const { rows } = await db.execute<{ n: number }>(sql`SELECT reltuples::bigint AS n FROM pg_class WHERE oid = 'good_jobs'::regclass`);
  const estimated = Number(rows[0]?.n ?? 0) > 100_000;
  const source = estimated ? sql.raw('good_jobs TABLESAMPLE SYSTEM (1)') : sql.raw('good_jobs');
  const scale = estimated ? 100 : 1;
  const facet = async (expression: string) => {
    const result = await db.execute<{ value: string; count: number }>(
      sql`SELECT value, (count(*) * ${scale})::int AS count FROM (SELECT ${sql.raw(expression)} AS value FROM ${source}) AS v
          WHERE value IS NOT NULL GROUP BY value ORDER BY count DESC, value LIMIT ${FACET_LIMIT}`,
    );
    return result.rows.map((r) => ({ value: r.value, count: Number(r.count) }));
  };
  const [queues, classes, labels] = await Promise.all([facet('queue_name'), facet('job_class'), facet('unnest(labels)')]);
  return { queues, classes, labels, estimated };
}

/** The ids a bulk action over "all matching this filter" works on: the first `cap`, in the list's order. */
/**
 * The next page of jobs a run of `action` over the filter takes, in the list's own order after `after` (its keyset),
 * and where the page ends; only jobs the action can take (actionableSql). Nothing a step changes comes back: a
 * changed job leaves the filter or the action's states, or moves behind the cursor (retry renews created_at).
 */
export async function nextJobsForAction(db: Db, filter: JobFilter, action: BulkAction, after: Cursor | null, now: Date, size: number): Promise<{ ids: string[]; last: Cursor | null }> {
  const { column, direction } = jobOrder(filter.state);
  const order = orderExpression(column);
  const { where, orderBy } = keysetBy(order, goodJobs.id, direction, { after, before: null });
  const rows = await db
    .select({ id: goodJobs.id, at: sql<string | null>`${order}` })
    .from(goodJobs)
    .where(and(jobFilterSql(filter, now), actionableSql(action, now), where))
    .orderBy(...orderBy)
    .limit(size);
  const last = rows[rows.length - 1];
  return { ids: rows.map((r) => r.id), last: last && last.at !== null ? { at: last.at, id: last.id } : null };
}

/** How many jobs a run of `action` over the filter has to take: exact up to the bounded count's limit, else an estimate. */
export function countJobsForAction(db: Db, filter: JobFilter, action: BulkAction, now: Date): Promise<BoundedCount> {
  return boundedCount(db, sql`FROM ${goodJobs} WHERE ${and(jobFilterSql(filter, now), actionableSql(action, now)) ?? sql`TRUE`}`);
}

import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { parseDbTime } from '../domain/time';
import { boundedCache, type Cache } from '../cache/lru';
import { type BoundedCount, EXACT_COUNT_LIMIT } from '../read-models/bounded-count';

/** Planner cost above which even a capped count is too slow for a page load (≈ tens of ms of scanning). */
export const MAX_COUNT_COST = 10_000;

type Plan = { 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number; 'Total Cost': number } }> };

async function explain(db: Db, query: SQL): Promise<{ rows: number; cost: number }> {
  const plan = await db.execute<Plan>(sql`EXPLAIN (FORMAT JSON) ${query}`);
  const top = plan.rows[0]?.['QUERY PLAN'][0]?.Plan;
  return { rows: Math.round(top?.['Plan Rows'] ?? 0), cost: top?.['Total Cost'] ?? 0 };
}

/** How long the planner's answers for one count are reused: estimates need no refresh on every page view. */
export const PLAN_TTL_MS = 30_000;
const PLAN_CACHE_SIZE = 500;
const dialect = new PgDialect();

interface Plans {
  at: number;
  estimate: number;
  /** The planner's cost of the capped count; asked only when the estimate is within the limit. */
  cappedCost: number;
}
const plansByDb = new WeakMap<Db, Cache<Plans>>();

/**
 * The planner's answers for a count, reused for PLAN_TTL_MS, keyed by its SQL and parameters; a time parameter (the
 * "now" of a state filter) is not part of the key, since an estimate barely moves with it. Planning on good_jobs, with
 * GoodJob's dozen partial indexes, costs milliseconds per statement: the jobs page would otherwise plan 7 to 14 of
 * them on every view.
 */
async function plansOf(db: Db, from: SQL, capped: SQL, limit: number): Promise<Plans> {
  const { sql: text, params } = dialect.sqlToQuery(from);
  const key = `${limit}|${text}|${JSON.stringify(params.map((p) => (typeof p === 'string' && parseDbTime(p) !== null ? 'now' : p)))}`;
  let cache = plansByDb.get(db);
  if (!cache) plansByDb.set(db, (cache = boundedCache<Plans>(PLAN_CACHE_SIZE)));
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < PLAN_TTL_MS) return hit;
  const at = Date.now();
  const estimate = (await explain(db, sql`SELECT 1 ${from}`)).rows;
  // Few matching rows can still mean a long scan (a filter no index serves): then the estimate it is.
  const cappedCost = estimate <= limit ? (await explain(db, capped)).cost : 0;
  const plans = { at, estimate, cappedCost };
  cache.set(key, plans);
  return plans;
}

/**
 * Counts the rows of `from` (a FROM … WHERE … clause): exactly up to the limit, else the planner's estimate. When the
 * planner already expects more than the limit, the capped count is skipped: it would only confirm it, slowly.
 * The planner's answers are reused for PLAN_TTL_MS; an exact count is always run afresh.
 */
export async function boundedCount(db: Db, from: SQL, limit = EXACT_COUNT_LIMIT): Promise<BoundedCount> {
  const capped = sql`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${limit + 1}) AS capped`;
  const { estimate, cappedCost } = await plansOf(db, from, capped, limit);
  if (estimate > limit || cappedCost > MAX_COUNT_COST) return { value: estimate, estimated: true };
  const { rows } = await db.execute<{ n: number }>(capped);
  const exact = rows[0]?.n ?? 0;
  if (exact <= limit) return { value: exact, estimated: false };
  return { value: Math.max(estimate, limit + 1), estimated: true };
}

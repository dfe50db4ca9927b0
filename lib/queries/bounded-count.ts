import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';

/** Above this many rows a count is the planner's estimate, marked as such: no COUNT(*) over millions of rows. */
export const EXACT_COUNT_LIMIT = 10_000;

export interface BoundedCount {
  value: number;
  estimated: boolean;
}

/** Planner cost above which even a capped count is too slow for a page load (≈ tens of ms of scanning). */
export const MAX_COUNT_COST = 10_000;

type Plan = { 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number; 'Total Cost': number } }> };

async function explain(db: Db, query: SQL): Promise<{ rows: number; cost: number }> {
  const plan = await db.execute<Plan>(sql`EXPLAIN (FORMAT JSON) ${query}`);
  const top = plan.rows[0]?.['QUERY PLAN'][0]?.Plan;
  return { rows: Math.round(top?.['Plan Rows'] ?? 0), cost: top?.['Total Cost'] ?? 0 };
}

/**
 * Counts the rows of `from` (a FROM … WHERE … clause): exactly up to the limit, else the planner's estimate. When the
 * planner already expects more than the limit, the capped count is skipped: it would only confirm it, slowly.
 */
export async function boundedCount(db: Db, from: SQL, limit = EXACT_COUNT_LIMIT): Promise<BoundedCount> {
  const { rows: estimate } = await explain(db, sql`SELECT 1 ${from}`);
  if (estimate > limit) return { value: estimate, estimated: true };
  const capped = sql`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${limit + 1}) AS capped`;
  // Few matching rows can still mean a long scan (a filter no index serves): then the estimate it is.
  if ((await explain(db, capped)).cost > MAX_COUNT_COST) return { value: estimate, estimated: true };
  const { rows } = await db.execute<{ n: number }>(capped);
  const exact = rows[0]?.n ?? 0;
  if (exact <= limit) return { value: exact, estimated: false };
  return { value: Math.max(estimate, limit + 1), estimated: true };
}

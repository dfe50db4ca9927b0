import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';

/** Above this many rows a count is the planner's estimate, marked as such: no COUNT(*) over millions of rows. */
export const EXACT_COUNT_LIMIT = 10_000;

export interface BoundedCount {
  value: number;
  estimated: boolean;
}

async function plannerEstimate(db: Db, from: SQL): Promise<number> {
  const plan = await db.execute<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(sql`EXPLAIN (FORMAT JSON) SELECT 1 ${from}`);
  return Math.round(plan.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
}

/**
 * Counts the rows of `from` (a FROM … WHERE … clause): exactly up to the limit, else the planner's estimate. When the
 * planner already expects more than the limit, the capped count is skipped: it would only confirm it, slowly.
 */
export async function boundedCount(db: Db, from: SQL, limit = EXACT_COUNT_LIMIT): Promise<BoundedCount> {
  const estimate = await plannerEstimate(db, from);
  if (estimate > limit) return { value: estimate, estimated: true };
  const { rows } = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${limit + 1}) AS capped`);
  const exact = rows[0]?.n ?? 0;
  if (exact <= limit) return { value: exact, estimated: false };
  return { value: Math.max(estimate, limit + 1), estimated: true };
}

import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { errorClassSql } from '../sql/error-class-sql';
import { CLASS_CHARS, ERROR_SUMMARY_SAMPLE, type ErrorGroup, type ErrorSummary } from '../read-models/batch-errors';

/** Groups shown, largest first. */
const GROUPS = 20;

/**
 * A batch's failed executions grouped by exception class (the error text before the first ": ", as
 * lib/domain/error-class.ts), over at most ERROR_SUMMARY_SAMPLE of its jobs, through the batch_id and active_job_id indexes.
 */
export async function batchErrorSummary(db: Db, batchId: string, sample = ERROR_SUMMARY_SAMPLE): Promise<ErrorSummary> {
  const { rows } = await db.execute<ErrorGroup & { sampled: boolean }>(sql`
    WITH jobs AS MATERIALIZED (SELECT active_job_id FROM good_jobs WHERE batch_id = ${batchId} LIMIT ${sample + 1}),
         sampled AS (SELECT count(*) > ${sample} AS sampled FROM jobs)
    SELECT left(${errorClassSql(sql`e.error`)}, ${CLASS_CHARS + 1}) AS error_class, count(*)::int AS count,
           min(e.created_at)::text AS first_seen, max(e.created_at)::text AS last_seen,
           (array_agg(left(e.error, 500) ORDER BY e.created_at DESC))[1] AS sample,
           (SELECT sampled FROM sampled) AS sampled
    FROM (SELECT active_job_id FROM jobs LIMIT ${sample}) j
    -- Each job's executions through GoodJob's (active_job_id, created_at) index. OFFSET 0 keeps the subquery apart: as a
    -- plain join the planner, expecting most executions to have failed, hashes the whole executions table (1.2 s on
    -- 3,000,000 rows against 0.25 s for 5,000 index probes).
    CROSS JOIN LATERAL (SELECT x.error, x.created_at FROM good_job_executions x WHERE x.active_job_id = j.active_job_id AND x.error IS NOT NULL OFFSET 0) e
    GROUP BY ${errorClassSql(sql`e.error`)} ORDER BY count(*) DESC, 1 LIMIT ${GROUPS}`);
  const sampled = rows[0]?.sampled ?? false;
  return { groups: rows.map((r) => ({ error_class: r.error_class, count: r.count, first_seen: r.first_seen, last_seen: r.last_seen, sample: r.sample })), sampled };
}

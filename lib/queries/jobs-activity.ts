import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { goodJobs } from '../db/schema';
import type { JobFilter } from '../domain/job-filter';
import { parseDbTime, toDbTime } from '../domain/time';
import { lastBuckets } from '../domain/time-series';
import { jobFilterSql } from '../sql/job-filter-sql';
import { ACTIVITY_HOURS, HOUR_MS, type JobsActivity } from '../read-models/jobs-activity';

/**
 * At most this many jobs of the period are read, the latest by scheduled_at first: a backward range over GoodJob's
 * index (scheduled_at, queue_name), whatever the filter. Measured on 1,000,000 jobs: ≈ 15–20 ms.
 */
export const ACTIVITY_SCAN_CAP = 20_000;
/** The same with a text search, which builds a search document per job read (≈ 20 µs each). */
export const ACTIVITY_SEARCH_SCAN_CAP = 2_000;

type Row = { hour: string | null; queue_name: string | null; n: number; scanned: number; oldest: string | null; total_row: number };

/**
 * Jobs matching the jobs list's filter per hour of `scheduled_at` and queue over the last 24 hours (GoodJob's
 * ScheduledByQueueChart), bounded: the latest `cap` jobs of the period are read and the filter applied to those; when
 * the period holds more, the result says from when on its counts are exact.
 */
export async function getJobsActivity(db: Db, filter: JobFilter, now: Date, cap = filter.search === null ? ACTIVITY_SCAN_CAP : ACTIVITY_SEARCH_SCAN_CAP): Promise<JobsActivity> {
  const { from, to } = lastBuckets(now, HOUR_MS, ACTIVITY_HOURS);
  const hit = jobFilterSql(filter, now) ?? sql`TRUE`;
  const { rows } = await db.execute<Row>(sql`
    WITH sample AS (
      SELECT date_trunc('hour', ${goodJobs.scheduled_at}) AS hour, ${goodJobs.queue_name} AS queue_name, ${goodJobs.scheduled_at} AS scheduled_at,
        COALESCE((${hit}), FALSE) AS hit
      FROM ${goodJobs}
      WHERE ${goodJobs.scheduled_at} >= ${toDbTime(from)}::timestamp AND ${goodJobs.scheduled_at} < ${toDbTime(to)}::timestamp
      ORDER BY ${goodJobs.scheduled_at} DESC
      LIMIT ${cap + 1}
    )
    SELECT hour::text AS hour, queue_name, (count(*) FILTER (WHERE hit))::int AS n, count(*)::int AS scanned,
      min(scheduled_at)::text AS oldest, GROUPING(hour, queue_name) AS total_row
    FROM sample
    GROUP BY GROUPING SETS ((hour, queue_name), ())`);
  const total = rows.find((r) => r.total_row !== 0);
  const oldest = parseDbTime(total?.oldest);
  const capped = (total?.scanned ?? 0) > cap && oldest !== null;
  const counts = rows
    .filter((r) => r.total_row === 0 && r.n > 0)
    .flatMap((r) => {
      const hour = parseDbTime(r.hour);
      return hour ? [{ hour, queue: r.queue_name, count: r.n }] : [];
    });
  return { from, to, counts, cap, incompleteBefore: capped ? new Date(Math.floor(oldest.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS) : null };
}

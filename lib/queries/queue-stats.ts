import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { toDbTime } from '../domain/time';
import { jobStatusSql } from '../sql/job-status-sql';

/** At most this many queues are read (the first in name order); more is a bug in the queue names, not a workload. */
export const QUEUE_LIMIT = 100;

/**
 * How many unfinished jobs each queue reads, the earliest scheduled first: `total` shared among the queues, within
 * [`min`, `max`] per queue — 10,000 each for up to 2 queues, 5,000 for 4, 1,000 for 20, 200 for 100 — so that a
 * scrape reads at most ~20,000 rows (≈ 40 ms) however many queues are backlogged.
 */
export interface QueueReadLimits {
  total: number;
  min: number;
  max: number;
}
export const QUEUE_READ_LIMITS: QueueReadLimits = { total: 20_000, min: 200, max: 10_000 };

export interface QueueStats {
  queue: string;
  queued: number;
  scheduled: number;
  retried: number;
  running: number;
  /** More unfinished jobs than the queue's share of QUEUE_READ_LIMITS: the counts above are lower bounds. */
  capped: boolean;
  /** Seconds from the moment the oldest queued job became due (scheduled_at, else created_at) to `now`; null: none. */
  oldestQueuedAgeSeconds: number | null;
}

type Row = Omit<QueueStats, 'capped'> & { read: number; cap: number };

/**
 * Per queue with unfinished jobs: its unfinished jobs by state (the badge's rule, jobStatusSql) and the age of its oldest
 * queued job, as of `now`. All of it rides GoodJob's index on (queue_name, scheduled_at) WHERE finished_at IS NULL
 * (present in every v4 schema): the queue names by a loose index scan (one index probe per queue), each queue's jobs
 * by a range scan capped at its share of `limits` + 1 rows — the due ones (queued, running) come first, so those
 * counts stay exact until the due jobs alone exceed the share — and its oldest queued job (always exact) by the first
 * due row that has not started (running jobs are skipped: at most one per worker thread). Jobs without a queue name
 * are left out.
 */
export async function listQueueStats(db: Db, now: Date, limits: QueueReadLimits = QUEUE_READ_LIMITS): Promise<QueueStats[]> {
  const at = sql`${toDbTime(now)}::timestamp`;
  const { rows } = await db.execute<Row>(sql`
    WITH RECURSIVE queues(name) AS (
      (SELECT queue_name FROM good_jobs WHERE finished_at IS NULL AND queue_name IS NOT NULL ORDER BY queue_name LIMIT 1)
      UNION ALL
      SELECT (SELECT g.queue_name FROM good_jobs g WHERE g.finished_at IS NULL AND g.queue_name > q.name ORDER BY g.queue_name LIMIT 1)
      FROM queues q WHERE q.name IS NOT NULL
    ),
    listed AS MATERIALIZED (SELECT name FROM queues WHERE name IS NOT NULL LIMIT ${QUEUE_LIMIT}),
    share AS MATERIALIZED (
      SELECT LEAST(${limits.max}::int, GREATEST(${limits.min}::int, ${limits.total}::int / GREATEST(count(*)::int, 1))) AS cap FROM listed
    )
    SELECT q.name AS queue, s.queued, s.scheduled, s.retried, s.running, s.read, (SELECT cap FROM share) AS cap,
      EXTRACT(EPOCH FROM ${at} - LEAST(
        (SELECT j.scheduled_at FROM good_jobs j
          WHERE j.queue_name = q.name AND j.finished_at IS NULL AND j.performed_at IS NULL AND j.scheduled_at <= ${at}
          ORDER BY j.scheduled_at LIMIT 1),
        (SELECT min(j.created_at) FROM good_jobs j
          WHERE j.queue_name = q.name AND j.finished_at IS NULL AND j.performed_at IS NULL AND j.scheduled_at IS NULL AND j.created_at <= ${at})
      ))::float8 AS "oldestQueuedAgeSeconds"
    FROM listed q
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
        count(*) FILTER (WHERE status = 'scheduled')::int AS scheduled,
        count(*) FILTER (WHERE status = 'retried')::int AS retried,
        count(*) FILTER (WHERE status = 'running')::int AS running,
        count(*)::int AS read
      FROM (SELECT ${jobStatusSql(now)} AS status FROM good_jobs
            WHERE queue_name = q.name AND finished_at IS NULL ORDER BY scheduled_at LIMIT (SELECT cap FROM share) + 1) unfinished
    ) s
    ORDER BY q.name`);
  return rows.map(({ read, cap, ...row }) => ({ ...row, capped: read > cap }));
}

import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { CLEANER_NAME_CHARS, cleanerColumnStarts, type CleanerKind } from '../domain/cleaner';
import { toDbTime } from '../domain/time';

/**
 * The Discard Cleaner reads at most this many of the newest discarded jobs (through GoodJob's partial index
 * index_good_jobs_on_discarded). Measured on 1,000,000 jobs / 80,000 discarded: see `discardSummary`.
 */
export const CLEANER_READ_CAP = 20_000;
/** Rows per table at most: the largest groups (by All), shown in name order as GoodJob does. */
export const CLEANER_GROUP_LIMIT = 50;

/** Six counts, GoodJob's columns: All, then the windows of lib/domain/cleaner.ts (CLEANER_WINDOWS), in that order. */
export type CleanerCounts = [number, number, number, number, number, number];

export interface CleanerGroup {
  /** job_class or exception class; null: jobs without a class. Cut to CLEANER_NAME_CHARS when `clipped`. */
  name: string | null;
  clipped: boolean;
  counts: CleanerCounts;
}

export interface CleanerTable {
  groups: CleanerGroup[];
  /** Every job read, whether its group is listed or not (GoodJob's Total row). */
  total: CleanerCounts;
  /** Groups not listed (beyond CLEANER_GROUP_LIMIT). */
  hiddenGroups: number;
}

export interface DiscardSummary {
  byClass: CleanerTable;
  byException: CleanerTable;
  /** More discarded jobs exist than were read (the cap): counts in a column that is not `exact` are lower bounds. */
  truncated: boolean;
  /** Per column: every job the column counts was read (always, unless truncated; a window newer than the oldest row read). */
  exact: [boolean, boolean, boolean, boolean, boolean, boolean];
  /** The cap this read used. */
  cap: number;
}

type Row = {
  kind: 'class' | 'exception' | 'total';
  name: string | null;
  c0: number; c1: number; c2: number; c3: number; c4: number; c5: number;
  groups: number;
  truncated: boolean | null;
  e1: boolean | null; e2: boolean | null; e3: boolean | null; e4: boolean | null; e5: boolean | null;
};

const countsOf = (r: Row): CleanerCounts => [r.c0, r.c1, r.c2, r.c3, r.c4, r.c5];

/**
 * Discarded jobs (finished, with an error) grouped by job_class and by exception class, each with GoodJob's six counts,
 * in one read: the newest `cap` + 1 discarded jobs by GoodJob's partial index (finished_at DESC), grouped with GROUPING
 * SETS (class, exception, and everything for the totals). Row `cap` + 1 is only read to learn whether more exist. When
 * they do, the oldest row read bounds what is exact: a window that starts after it holds no unread job.
 */
export async function discardSummary(db: Db, now: Date, cap = CLEANER_READ_CAP): Promise<DiscardSummary> {
  const s = cleanerColumnStarts(now).slice(1).map((d) => sql`${toDbTime(d!)}::timestamp`);
  const inRead = sql`n <= ${cap}`;
  const { rows } = await db.execute<Row>(sql`
    WITH recent AS MATERIALIZED (
      SELECT job_class, split_part(error, ': ', 1) AS exception_class, finished_at,
             row_number() OVER (ORDER BY finished_at DESC) AS n
      FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NOT NULL
      ORDER BY finished_at DESC LIMIT ${cap + 1}),
    grouped AS (
      SELECT CASE GROUPING(job_class, exception_class) WHEN 1 THEN 'class' WHEN 2 THEN 'exception' ELSE 'total' END AS kind,
             left(CASE WHEN GROUPING(job_class) = 0 THEN job_class ELSE exception_class END, ${CLEANER_NAME_CHARS + 1}) AS name,
             count(*) FILTER (WHERE ${inRead})::int AS c0,
             count(*) FILTER (WHERE ${inRead} AND finished_at >= ${s[0]})::int AS c1,
             count(*) FILTER (WHERE ${inRead} AND finished_at >= ${s[1]})::int AS c2,
             count(*) FILTER (WHERE ${inRead} AND finished_at >= ${s[2]})::int AS c3,
             count(*) FILTER (WHERE ${inRead} AND finished_at >= ${s[3]})::int AS c4,
             count(*) FILTER (WHERE ${inRead} AND finished_at >= ${s[4]})::int AS c5,
             bool_or(n > ${cap}) AS truncated,
             min(finished_at) FILTER (WHERE ${inRead}) AS horizon
      FROM recent
      GROUP BY GROUPING SETS ((job_class), (exception_class), ())),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY kind ORDER BY c0 DESC, name) AS rank, count(*) OVER (PARTITION BY kind)::int AS groups
      FROM grouped WHERE c0 > 0 OR kind = 'total')
    SELECT kind, name, c0, c1, c2, c3, c4, c5, groups, truncated,
           horizon < ${s[0]} AS e1, horizon < ${s[1]} AS e2, horizon < ${s[2]} AS e3, horizon < ${s[3]} AS e4, horizon < ${s[4]} AS e5
    FROM ranked WHERE kind = 'total' OR rank <= ${CLEANER_GROUP_LIMIT}
    ORDER BY kind, name`);
  const total = rows.find((r) => r.kind === 'total');
  const truncated = total?.truncated === true;
  const table = (kind: CleanerKind): CleanerTable => {
    const mine = rows.filter((r) => r.kind === kind);
    return {
      groups: mine.map((r) => ({ name: r.name === null ? null : r.name.slice(0, CLEANER_NAME_CHARS), clipped: (r.name?.length ?? 0) > CLEANER_NAME_CHARS, counts: countsOf(r) })),
      total: total ? countsOf(total) : [0, 0, 0, 0, 0, 0],
      hiddenGroups: Math.max(0, (mine[0]?.groups ?? 0) - mine.length),
    };
  };
  const exactWindow = (e: boolean | null | undefined) => !truncated || e === true;
  return {
    byClass: table('class'),
    byException: table('exception'),
    truncated,
    exact: [!truncated, exactWindow(total?.e1), exactWindow(total?.e2), exactWindow(total?.e3), exactWindow(total?.e4), exactWindow(total?.e5)],
    cap,
  };
}

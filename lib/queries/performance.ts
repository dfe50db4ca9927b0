import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  chartBuckets,
  histogramBuckets,
  HISTOGRAM_BOUNDS_S,
  samplePercent,
  scaleCount,
  windowRange,
  type PerformanceWindow,
} from '../domain/performance';
import { toDbTime } from '../domain/time';
import { hasIndex } from './health';
import { type ClassPerformance, PERFORMANCE_ROW_CAP, type PerformanceOverview, type PerformanceStat, type ReadMode } from '../read-models/performance';

/**
 * About this many window executions make a sample: `TABLESAMPLE SYSTEM` reads pages of the whole table, so its cost
 * follows the share of the table it reads (7 days of 81: 7.7 % of the pages for 20,000 rows took 90–100 ms, 19 % for
 * 50,000 took 175–300 ms; 30 days: 1.8 % took 23 ms).
 */
export const SAMPLE_ROWS = 20_000;
/** Classes and queues listed at most (largest first). */
export const GROUP_LIMIT = 200;
/** The slowest executions listed on a class's page. */
export const SLOWEST_LIMIT = 15;
/** The index GoodJob lacks that makes a window one range scan (lib/domain/indexes.ts suggests it). */
export const CREATED_AT_INDEX = 'index_good_job_executions_on_created_at';

export interface ReadOptions {
  window: PerformanceWindow;
  now: Date;
  /** The page's time zone offset from UTC (ms) at `now`: chart bars start at round local times. */
  zoneOffsetMs?: number;
  /** Above this many window rows, sample (tests pass a tiny one). */
  cap?: number;
  /** About how many rows a sample reads. */
  sampleRows?: number;
}

type Source = { kind: 'exact'; indexed: boolean; cap: number } | { kind: 'sample'; percent: number };

/** The window's executions with the given columns (`e` is the table), read per `source`. */
function windowRowsSql(source: Source, from: Date, to: Date, columns: SQL): SQL {
  const range = sql`e.created_at >= ${toDbTime(from)}::timestamp AND e.created_at <= ${toDbTime(to)}::timestamp`;
  if (source.kind === 'sample') {
    return sql`SELECT ${columns} FROM good_job_executions e TABLESAMPLE SYSTEM (${source.percent}) REPEATABLE (1) WHERE ${range}`;
  }
  if (source.indexed) return sql`SELECT ${columns} FROM good_job_executions e WHERE ${range} LIMIT ${source.cap + 1}`;
  // No index on created_at alone: each process's executions are a range of GoodJob's (process_id, created_at) index,
  // the distinct process ids found by a loose index scan over it, and the executions without a process one more range.
  return sql`SELECT r.* FROM (
      WITH RECURSIVE procs AS (
        (SELECT process_id FROM good_job_executions WHERE process_id IS NOT NULL ORDER BY process_id LIMIT 1)
        UNION ALL
        SELECT (SELECT n.process_id FROM good_job_executions n WHERE n.process_id > procs.process_id ORDER BY n.process_id LIMIT 1)
        FROM procs WHERE procs.process_id IS NOT NULL)
      SELECT process_id FROM procs WHERE process_id IS NOT NULL
    ) p CROSS JOIN LATERAL (SELECT ${columns} FROM good_job_executions e WHERE e.process_id = p.process_id AND ${range}) r
    UNION ALL
    (SELECT ${columns} FROM good_job_executions e WHERE e.process_id IS NULL AND ${range})
    LIMIT ${source.cap + 1}`;
}

type Plan = { 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> };

/** The planner's estimate of the window's executions (from the column statistics; no rows read). */
async function estimateWindowRows(db: Db, from: Date, to: Date): Promise<number> {
  const { rows } = await db.execute<Plan>(
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM good_job_executions e WHERE e.created_at >= ${toDbTime(from)}::timestamp AND e.created_at <= ${toDbTime(to)}::timestamp`,
  );
  return Math.round(rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
}

/**
 * Reads a window: every row when it holds at most `cap` executions, else a sample of about `sampleRows` of them. The
 * planner's estimate sends a big window to the sample at once; a window it thinks small is read exactly, at most
 * `cap + 1` rows, and read again as a sample when those were too many (`read` returns null then).
 */
async function readWindow<T>(db: Db, from: Date, to: Date, opts: ReadOptions, read: (source: Source) => Promise<T | null>): Promise<T & ReadMode> {
  const cap = opts.cap ?? PERFORMANCE_ROW_CAP;
  const sampleRows = opts.sampleRows ?? SAMPLE_ROWS;
  const [estimate, indexed] = await Promise.all([estimateWindowRows(db, from, to), hasIndex(db, CREATED_AT_INDEX).catch(() => false)]);
  if (estimate <= 2 * cap) {
    const exact = await read({ kind: 'exact', indexed, cap });
    if (exact !== null) return { ...exact, sampled: false, percent: 100 };
  }
  const percent = samplePercent(Math.max(estimate, cap + 1), sampleRows);
  const sampled = await read({ kind: 'sample', percent });
  return { ...sampled!, sampled: true, percent };
}

/** The window's rows as CTE `w` (materialized once), and `over`: whether an exact read met more than its cap. */
function windowCte(source: Source, from: Date, to: Date, columns: SQL): SQL {
  const over = source.kind === 'exact' ? sql`(SELECT count(*) FROM w) > ${source.cap}` : sql`false`;
  return sql`w AS MATERIALIZED (${windowRowsSql(source, from, to, columns)}), meta AS (SELECT ${over} AS over)`;
}

/** A duration in ms as float8 (`extract` would compute in numeric, several times slower). */
const MS = sql`date_part('epoch', e.duration) * 1000`;

/** The figures of one group of window rows `w` (COUNT, failures, duration avg / p50 / p95 / max in ms). */
const STAT_COLUMNS = sql`count(*)::int AS executions, count(*) FILTER (WHERE failed)::int AS failures, count(ms)::int AS timed,
  avg(ms)::float8 AS avg_ms, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50_ms,
  percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95_ms, max(ms)::float8 AS max_ms`;

type StatRow = { executions: number; failures: number; timed: number; avg_ms: number | null; p50_ms: number | null; p95_ms: number | null; max_ms: number | null };

function toStat(key: string | null, r: StatRow, percent: number): PerformanceStat {
  return {
    key,
    executions: scaleCount(r.executions, percent),
    failures: scaleCount(r.failures, percent),
    timed: scaleCount(r.timed, percent),
    avgMs: r.avg_ms,
    p50Ms: r.p50_ms,
    p95Ms: r.p95_ms,
    maxMs: r.max_ms,
  };
}

const percentOf = (source: Source) => (source.kind === 'sample' ? source.percent : 100);

type OverviewRow = StatRow & { kind: 'class' | 'queue' | 'chart' | 'over'; key: string | null; bucket: number | null; seconds: number | null };

/**
 * The Performance page: per job class and per queue, the window's executions, failures and duration figures, and
 * per chart bar and class the executions and their summed duration — one read of the window's rows.
 */
export async function getPerformanceOverview(db: Db, opts: ReadOptions): Promise<PerformanceOverview> {
  const { from, to } = windowRange(opts.window, opts.now);
  const buckets = chartBuckets(opts.window, opts.now, opts.zoneOffsetMs ?? 0);
  const columns = sql`e.job_class, e.queue_name, e.error IS NOT NULL AS failed, ${MS} AS ms,
    floor(date_part('epoch', e.created_at - ${toDbTime(buckets.from)}::timestamp) * 1000 / ${buckets.stepMs})::int AS bucket`;
  const read = await readWindow(db, from, to, opts, async (source) => {
    const { rows } = await db.execute<OverviewRow>(sql`
      WITH ${windowCte(source, from, to, columns)}
      SELECT 'over' AS kind, NULL AS key, NULL::int AS bucket, 0 AS executions, 0 AS failures, 0 AS timed, NULL::float8 AS avg_ms,
        NULL::float8 AS p50_ms, NULL::float8 AS p95_ms, NULL::float8 AS max_ms, NULL::float8 AS seconds FROM meta WHERE over
      UNION ALL
      (SELECT 'class', job_class, NULL, ${STAT_COLUMNS}, NULL FROM w WHERE NOT (SELECT over FROM meta)
        GROUP BY job_class ORDER BY count(*) DESC, job_class LIMIT ${GROUP_LIMIT})
      UNION ALL
      (SELECT 'queue', queue_name, NULL, ${STAT_COLUMNS}, NULL FROM w WHERE NOT (SELECT over FROM meta)
        GROUP BY queue_name ORDER BY count(*) DESC, queue_name LIMIT ${GROUP_LIMIT})
      UNION ALL
      SELECT 'chart', job_class, bucket, count(*)::int, 0, 0, NULL, NULL, NULL, NULL, coalesce(sum(ms), 0) / 1000
        FROM w WHERE NOT (SELECT over FROM meta) GROUP BY job_class, bucket`);
    return rows.some((r) => r.kind === 'over') ? null : { rows, percent: percentOf(source) };
  });
  const { rows, percent } = read;
  const pick = (kind: 'class' | 'queue') => rows.filter((r) => r.kind === kind).map((r) => toStat(r.key, r, percent));
  const classes = pick('class');
  const factor = percent >= 100 ? 1 : 100 / percent;
  const cells = rows
    .filter((r) => r.kind === 'chart' && r.bucket !== null && r.bucket >= 0 && r.bucket < buckets.buckets)
    .map((r) => ({ bucket: r.bucket!, jobClass: r.key, executions: scaleCount(r.executions, percent), seconds: (r.seconds ?? 0) * factor }));
  return {
    sampled: read.sampled,
    percent,
    from,
    to,
    executions: classes.reduce((n, c) => n + c.executions, 0),
    classes,
    queues: pick('queue'),
    chart: { ...buckets, cells },
  };
}

type SlowRow = { id: string; active_job_id: string; created_at: string; ms: number; failed: boolean; queue_name: string | null };

const BOUNDS = sql.raw(`ARRAY[${HISTOGRAM_BOUNDS_S.map((s) => `interval '${s} seconds'`).join(', ')}]`);

/** Whether any job of the class exists at all (GoodJob's show page: `Job.find_by!(job_class:)`). */
export async function jobClassExists(db: Db, jobClass: string): Promise<boolean> {
  const { rows } = await db.execute<{ found: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM good_jobs WHERE job_class = ${jobClass}) AS found`);
  return rows[0]?.found ?? false;
}

/** A class's page: its figures over the window, its duration histogram in GoodJob's buckets and its slowest executions. */
export async function getClassPerformance(db: Db, jobClass: string, opts: ReadOptions): Promise<ClassPerformance> {
  const { from, to } = windowRange(opts.window, opts.now);
  // The window's rows of every class are read (and capped), this class's kept: the cap bounds what is read.
  const columns = sql`e.id, e.active_job_id, e.created_at, e.job_class, e.queue_name, e.error IS NOT NULL AS failed, e.duration, ${MS} AS ms`;
  const read = await readWindow(db, from, to, opts, async (source) => {
    const { rows } = await db.execute<{ over: boolean; stat: StatRow; histogram: Array<{ b: number; n: number }> | null; slowest: SlowRow[] | null }>(sql`
      WITH ${windowCte(source, from, to, columns)}, c AS (SELECT * FROM w WHERE job_class = ${jobClass} AND NOT (SELECT over FROM meta))
      SELECT (SELECT over FROM meta) AS over,
        (SELECT row_to_json(s) FROM (SELECT ${STAT_COLUMNS} FROM c) s) AS stat,
        (SELECT json_agg(h) FROM (SELECT width_bucket(duration, ${BOUNDS}) AS b, count(*)::int AS n FROM c WHERE duration IS NOT NULL GROUP BY 1) h) AS histogram,
        (SELECT json_agg(x) FROM (SELECT id, active_job_id, created_at::text AS created_at, ms, failed, queue_name FROM c
          WHERE duration IS NOT NULL ORDER BY duration DESC, id LIMIT ${SLOWEST_LIMIT}) x) AS slowest`);
    const row = rows[0]!;
    return row.over ? null : { row, percent: percentOf(source) };
  });
  const { row, percent } = read;
  const counts = new Map((row.histogram ?? []).map((h) => [h.b, scaleCount(h.n, percent)]));
  return {
    sampled: read.sampled,
    percent,
    from,
    to,
    stat: toStat(jobClass, row.stat, percent),
    histogram: histogramBuckets(counts),
    slowest: (row.slowest ?? []).map((x) => ({ id: x.id, activeJobId: x.active_job_id, createdAt: x.created_at, ms: x.ms, failed: x.failed, queueName: x.queue_name })),
  };
}

/** A class's page, or null when no job has that class and no execution in the window ran it (the page is a 404). */
export async function loadClassPerformance(db: Db, jobClass: string, opts: ReadOptions): Promise<ClassPerformance | null> {
  const [exists, perf] = await Promise.all([jobClassExists(db, jobClass), getClassPerformance(db, jobClass, opts)]);
  return exists || perf.stat.executions > 0 ? perf : null;
}

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
  type HistogramBucket,
  type PerformanceWindow,
} from '../domain/performance';
import { toDbTime } from '../domain/time';
import { hasIndex } from './health';

/**
 * Above this many executions in a window, the pages read a sample instead (measured on 3,000,000 executions: the
 * exact read of 50,000 window rows and their three groupings takes about … ms; see the report in docs).
 */
export const PERFORMANCE_ROW_CAP = 50_000;
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
}

/** How the window was read: every row, or a `percent` % sample of the table's pages (figures scaled, shown ≈). */
export interface ReadMode {
  sampled: boolean;
  percent: number;
}

export interface PerformanceStat {
  /** The job class or queue name (null: none recorded). */
  key: string | null;
  executions: number;
  /** Executions that ended with an error. */
  failures: number;
  /** Executions with a duration (finished); the duration figures are over these. */
  timed: number;
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}

export interface ChartCell {
  bucket: number;
  jobClass: string | null;
  executions: number;
  /** Summed duration of the bucket's executions of the class. */
  seconds: number;
}

export interface PerformanceOverview extends ReadMode {
  from: Date;
  to: Date;
  executions: number;
  classes: PerformanceStat[];
  queues: PerformanceStat[];
  chart: { from: Date; stepMs: number; buckets: number; cells: ChartCell[] };
}

type Source = { kind: 'exact'; indexed: boolean } | { kind: 'sample'; percent: number };

/** The window's executions with the given columns, and `filter` (a condition on `e`), read per `source`. */
function windowRowsSql(source: Source, from: Date, to: Date, columns: SQL, filter: SQL): SQL {
  const range = sql`e.created_at >= ${toDbTime(from)}::timestamp AND e.created_at <= ${toDbTime(to)}::timestamp`;
  if (source.kind === 'sample') {
    return sql`SELECT ${columns} FROM good_job_executions e TABLESAMPLE SYSTEM (${source.percent}) REPEATABLE (1) WHERE ${range} AND ${filter}`;
  }
  if (source.indexed) return sql`SELECT ${columns} FROM good_job_executions e WHERE ${range} AND ${filter}`;
  // No index on created_at alone: each process's executions are a range of GoodJob's (process_id, created_at) index,
  // the distinct process ids found by a loose index scan over it, and the executions without a process one more range.
  return sql`SELECT r.* FROM (
      WITH RECURSIVE procs AS (
        (SELECT process_id FROM good_job_executions WHERE process_id IS NOT NULL ORDER BY process_id LIMIT 1)
        UNION ALL
        SELECT (SELECT n.process_id FROM good_job_executions n WHERE n.process_id > procs.process_id ORDER BY n.process_id LIMIT 1)
        FROM procs WHERE procs.process_id IS NOT NULL)
      SELECT process_id FROM procs WHERE process_id IS NOT NULL
    ) p CROSS JOIN LATERAL (SELECT ${columns} FROM good_job_executions e WHERE e.process_id = p.process_id AND ${range} AND ${filter}) r
    UNION ALL
    SELECT ${columns} FROM good_job_executions e WHERE e.process_id IS NULL AND ${range} AND ${filter}`;
}

type Plan = { 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> };

/** The planner's estimate of the window's executions (from the column statistics; no rows read). */
async function estimateWindowRows(db: Db, from: Date, to: Date): Promise<number> {
  const { rows } = await db.execute<Plan>(
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM good_job_executions e WHERE e.created_at >= ${toDbTime(from)}::timestamp AND e.created_at <= ${toDbTime(to)}::timestamp`,
  );
  return Math.round(rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
}

/** The window's executions, counted up to `cap + 1` (an index-only read when the index allows it). */
async function countWindowRows(db: Db, source: Source, from: Date, to: Date, cap: number): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (${windowRowsSql(source, from, to, sql`1`, sql`true`)} LIMIT ${cap + 1}) w`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * How to read a window: every row when it holds at most `cap` executions, else a sample of about `cap` of them. The
 * planner's estimate sends big windows to the sample at once; a window it thinks small is counted (bounded) first.
 */
async function chooseSource(db: Db, from: Date, to: Date, cap: number): Promise<Source> {
  const [estimate, indexed] = await Promise.all([estimateWindowRows(db, from, to), hasIndex(db, CREATED_AT_INDEX).catch(() => false)]);
  const exact: Source = { kind: 'exact', indexed };
  if (estimate <= 2 * cap) {
    const counted = await countWindowRows(db, exact, from, to, cap);
    if (counted <= cap) return exact;
    return { kind: 'sample', percent: samplePercent(Math.max(estimate, counted), cap) };
  }
  return { kind: 'sample', percent: samplePercent(estimate, cap) };
}

const WINDOW_COLUMNS = sql`e.job_class, e.queue_name, e.created_at, e.error IS NOT NULL AS failed, extract(epoch FROM e.duration) * 1000 AS ms`;

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

/**
 * The Performance page: per job class and per queue, the window's executions, failures and duration figures, and
 * per chart bar and class the executions and their summed duration — one read of the window's rows.
 */
export async function getPerformanceOverview(db: Db, opts: ReadOptions): Promise<PerformanceOverview> {
  const { from, to } = windowRange(opts.window, opts.now);
  const buckets = chartBuckets(opts.window, opts.now, opts.zoneOffsetMs ?? 0);
  const source = await chooseSource(db, from, to, opts.cap ?? PERFORMANCE_ROW_CAP);
  const bucketOf = sql`floor(extract(epoch FROM (created_at - ${toDbTime(buckets.from)}::timestamp)) * 1000 / ${buckets.stepMs})::int`;
  const { rows } = await db.execute<StatRow & { kind: 'class' | 'queue' | 'chart'; key: string | null; bucket: number | null; seconds: number | null }>(sql`
    WITH w AS MATERIALIZED (${windowRowsSql(source, from, to, WINDOW_COLUMNS, sql`true`)})
    (SELECT 'class' AS kind, job_class AS key, NULL::int AS bucket, ${STAT_COLUMNS}, NULL::float8 AS seconds
      FROM w GROUP BY job_class ORDER BY count(*) DESC, job_class LIMIT ${GROUP_LIMIT})
    UNION ALL
    (SELECT 'queue', queue_name, NULL, ${STAT_COLUMNS}, NULL FROM w GROUP BY queue_name ORDER BY count(*) DESC, queue_name LIMIT ${GROUP_LIMIT})
    UNION ALL
    SELECT 'chart', job_class, ${bucketOf}, count(*)::int, 0, 0, NULL, NULL, NULL, NULL, (coalesce(sum(ms), 0) / 1000)::float8
      FROM w GROUP BY job_class, ${bucketOf}`);
  const percent = percentOf(source);
  const pick = (kind: 'class' | 'queue') => rows.filter((r) => r.kind === kind).map((r) => toStat(r.key, r, percent));
  const classes = pick('class');
  const factor = percent >= 100 ? 1 : 100 / percent;
  const cells = rows
    .filter((r) => r.kind === 'chart' && r.bucket !== null && r.bucket >= 0 && r.bucket < buckets.buckets)
    .map((r) => ({ bucket: r.bucket!, jobClass: r.key, executions: scaleCount(r.executions, percent), seconds: (r.seconds ?? 0) * factor }));
  return {
    sampled: source.kind === 'sample',
    percent,
    from,
    to,
    executions: classes.reduce((n, c) => n + c.executions, 0),
    classes,
    queues: pick('queue'),
    chart: { ...buckets, cells },
  };
}

export interface SlowExecution {
  id: string;
  activeJobId: string;
  createdAt: string;
  ms: number;
  failed: boolean;
  queueName: string | null;
}

export interface ClassPerformance extends ReadMode {
  from: Date;
  to: Date;
  stat: PerformanceStat;
  histogram: HistogramBucket[];
  slowest: SlowExecution[];
}

const BOUNDS = sql.raw(`ARRAY[${HISTOGRAM_BOUNDS_S.map((s) => `interval '${s} seconds'`).join(', ')}]`);

/** Whether any job of the class exists at all (GoodJob's show page: `Job.find_by!(job_class:)`). */
export async function jobClassExists(db: Db, jobClass: string): Promise<boolean> {
  const { rows } = await db.execute<{ found: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM good_jobs WHERE job_class = ${jobClass}) AS found`);
  return rows[0]?.found ?? false;
}

/** A class's page: its figures over the window, its duration histogram in GoodJob's buckets and its slowest executions. */
export async function getClassPerformance(db: Db, jobClass: string, opts: ReadOptions): Promise<ClassPerformance> {
  const { from, to } = windowRange(opts.window, opts.now);
  const source = await chooseSource(db, from, to, opts.cap ?? PERFORMANCE_ROW_CAP);
  const columns = sql`e.id, e.active_job_id, e.created_at, e.queue_name, e.error IS NOT NULL AS failed, e.duration, extract(epoch FROM e.duration) * 1000 AS ms`;
  const { rows } = await db.execute<{ stat: StatRow; histogram: Array<{ b: number; n: number }> | null; slowest: Array<{ id: string; active_job_id: string; created_at: string; ms: number; failed: boolean; queue_name: string | null }> | null }>(sql`
    WITH w AS MATERIALIZED (${windowRowsSql(source, from, to, columns, sql`e.job_class = ${jobClass}`)})
    SELECT (SELECT row_to_json(s) FROM (SELECT ${STAT_COLUMNS} FROM w) s) AS stat,
      (SELECT json_agg(h) FROM (SELECT width_bucket(duration, ${BOUNDS}) AS b, count(*)::int AS n FROM w WHERE duration IS NOT NULL GROUP BY 1) h) AS histogram,
      (SELECT json_agg(x) FROM (SELECT id, active_job_id, created_at::text AS created_at, ms, failed, queue_name FROM w
        WHERE duration IS NOT NULL ORDER BY duration DESC, id LIMIT ${SLOWEST_LIMIT}) x) AS slowest`);
  const row = rows[0]!;
  const percent = percentOf(source);
  const counts = new Map((row.histogram ?? []).map((h) => [h.b, scaleCount(h.n, percent)]));
  return {
    sampled: source.kind === 'sample',
    percent,
    from,
    to,
    stat: toStat(jobClass, row.stat, percent),
    histogram: histogramBuckets(counts),
    slowest: (row.slowest ?? []).map((s) => ({ id: s.id, activeJobId: s.active_job_id, createdAt: s.created_at, ms: s.ms, failed: s.failed, queueName: s.queue_name })),
  };
}

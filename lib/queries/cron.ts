import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { CRON_KEYS_DISABLED, CRON_KEYS_ENABLED, cronEnabledState, type CronEnabledState } from '../domain/settings';
import { toDbTime } from '../domain/time';
import type { CronEntry } from '../read-models/cron';
import { newestRunSql } from '../sql/newest-run';

/** At most this many cron keys are listed (GoodJob apps configure a handful). */
export const CRON_KEY_LIMIT = 200;
/** Runs in the last 24 h are counted up to this many per key (a key that runs every second has 86,400). */
export const CRON_RUN_COUNT_CAP = 10_000;

/** Every distinct cron_key (at most CRON_KEY_LIMIT): a loose index scan over GoodJob's (cron_key, created_at) index. */
const CRON_KEYS_SQL = sql`WITH RECURSIVE seen AS (
    (SELECT cron_key FROM good_jobs WHERE cron_key IS NOT NULL ORDER BY cron_key LIMIT 1)
    UNION ALL
    SELECT (SELECT g.cron_key FROM good_jobs g WHERE g.cron_key > seen.cron_key ORDER BY g.cron_key LIMIT 1)
    FROM seen WHERE seen.cron_key IS NOT NULL)
  SELECT cron_key FROM seen WHERE cron_key IS NOT NULL LIMIT ${CRON_KEY_LIMIT}`;

/** Each key's enabled state, from GoodJob's two cron settings (read once). */
async function cronStates(db: Db): Promise<(key: string) => CronEnabledState> {
  const { rows } = await db.execute<{ key: string; value: unknown }>(
    sql`SELECT key, value FROM good_job_settings WHERE key IN (${CRON_KEYS_ENABLED}, ${CRON_KEYS_DISABLED})`,
  );
  const setting = (key: string) => rows.find((r) => r.key === key)?.value;
  return (key) => cronEnabledState(key, setting(CRON_KEYS_ENABLED), setting(CRON_KEYS_DISABLED));
}

/** How many cron keys are enabled (or enabled by default) and disabled: the keys and the settings, no runs read. */
export async function countCronKeys(db: Db): Promise<{ enabled: number; disabled: number }> {
  const [{ rows }, enabled] = await Promise.all([db.execute<{ cron_key: string }>(CRON_KEYS_SQL), cronStates(db)]);
  const disabled = rows.filter((r) => enabled(r.cron_key) === 'disabled').length;
  return { enabled: rows.length - disabled, disabled };
}

type Row = Omit<CronEntry, 'enabled' | 'last' | 'capped'> & CronEntry['last'] & { last_id: string };

/**
 * The cron keys the database knows (GoodJob keeps the schedules in the app's configuration): each distinct cron_key
 * found by a loose index scan over GoodJob's (cron_key, created_at) index, its newest run through the (cron_key,
 * cron_at) index, and its runs and failures (runs whose job holds an error) over the last 24 hours, capped.
 */
export async function listCronEntries(db: Db, now: Date, only: string | null = null): Promise<CronEntry[]> {
  const since = toDbTime(new Date(now.getTime() - 24 * 3600 * 1000));
  const keys = only !== null
    ? sql`SELECT ${only}::text AS cron_key WHERE EXISTS (SELECT 1 FROM good_jobs WHERE cron_key = ${only})`
    : CRON_KEYS_SQL;
  const { rows } = await db.execute<Row>(sql`
    SELECT k.cron_key, last.id AS last_id, last.job_class, last.queue_name, last.priority, last.labels, last.cron_at,
           last.created_at, last.scheduled_at, last.performed_at, last.finished_at, last.error,
           recent.runs::int AS "runs24h", recent.failures::int AS "failures24h"
    FROM (${keys}) k
    CROSS JOIN LATERAL (${newestRunSql(sql`k.cron_key`, sql`id, job_class, queue_name, priority, labels, cron_at, created_at, scheduled_at, performed_at, finished_at, error`)}) last
    CROSS JOIN LATERAL (
      SELECT count(*) AS runs, count(*) FILTER (WHERE error IS NOT NULL) AS failures
      FROM (SELECT error FROM good_jobs WHERE cron_key = k.cron_key AND created_at > ${since}::timestamp LIMIT ${CRON_RUN_COUNT_CAP}) r) recent
    ORDER BY k.cron_key`);
  const enabled = await cronStates(db);
  return rows.map((r) => ({
    cron_key: r.cron_key,
    enabled: enabled(r.cron_key),
    last: {
      id: r.last_id,
      job_class: r.job_class,
      queue_name: r.queue_name,
      priority: r.priority,
      labels: r.labels,
      cron_at: r.cron_at,
      created_at: r.created_at,
      scheduled_at: r.scheduled_at,
      performed_at: r.performed_at,
      finished_at: r.finished_at,
      error: r.error,
    },
    runs24h: r.runs24h,
    failures24h: r.failures24h,
    capped: r.runs24h >= CRON_RUN_COUNT_CAP,
  }));
}

/** One cron key's entry; null when no job has that key. */
export async function getCronEntry(db: Db, cronKey: string, now: Date): Promise<CronEntry | null> {
  return (await listCronEntries(db, now, cronKey))[0] ?? null;
}

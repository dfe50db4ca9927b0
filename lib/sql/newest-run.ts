import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/**
 * A key's newest run in GoodJob's order (`cron_at DESC NULLS LAST`), as two index probes: GoodJob's (cron_key, cron_at)
 * index is ascending with NULLs last, so that order itself cannot be read from it and would sort every run of the key
 * (19 ms for 5,000 runs); the newest non-null cron_at is one backward probe, and only a key without one looks at NULLs.
 */
export function newestRunSql(cronKey: SQL, columns: SQL): SQL {
  return sql`SELECT * FROM (
      (SELECT ${columns} FROM good_jobs WHERE cron_key = ${cronKey} AND cron_at IS NOT NULL ORDER BY cron_at DESC LIMIT 1)
      UNION ALL
      (SELECT ${columns} FROM good_jobs WHERE cron_key = ${cronKey} AND cron_at IS NULL ORDER BY created_at DESC LIMIT 1)
    ) newest LIMIT 1`;
}

import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { toDbTime } from '../domain/time';

/** The SQL twin of jobStatus() (lib/domain/job-state.ts); a database test checks that the two agree on every fixture row. */
export function jobStatusSql(now: Date): SQL<string> {
  const at = toDbTime(now);
  return sql<string>`CASE
    WHEN finished_at IS NOT NULL THEN CASE WHEN error IS NOT NULL THEN 'discarded' ELSE 'succeeded' END
    WHEN performed_at IS NOT NULL THEN 'running'
    WHEN COALESCE(scheduled_at, created_at) <= ${at}::timestamp THEN 'queued'
    WHEN error IS NOT NULL THEN 'retried'
    ELSE 'scheduled' END`;
}

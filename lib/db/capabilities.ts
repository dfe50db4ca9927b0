import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from './client';

/** What this GoodJob database has: its columns in table order (older v4 installs lack some). */
export interface Capabilities {
  jobColumns: readonly string[];
  batchColumns: readonly string[];
  hasLockType: boolean;
  hasJobsFinishedAt: boolean;
}

const probes = new WeakMap<Db, Promise<Capabilities>>();

export function capabilitiesFrom(rows: ReadonlyArray<{ table_name: string; column_name: string }>): Capabilities {
  const of = (table: string) => rows.filter((r) => r.table_name === table).map((r) => r.column_name);
  const jobColumns = of('good_jobs');
  const batchColumns = of('good_job_batches');
  return {
    jobColumns,
    batchColumns,
    hasLockType: jobColumns.includes('lock_type'),
    hasJobsFinishedAt: batchColumns.includes('jobs_finished_at'),
  };
}

/** Probed once per pool; a failed probe (database down) is tried again on the next request. */
export function getCapabilities(db: Db): Promise<Capabilities> {
  let probe = probes.get(db);
  if (!probe) {
    probe = db
      .execute<{ table_name: string; column_name: string }>(
        sql`SELECT table_name::text, column_name::text FROM information_schema.columns
            WHERE table_schema = ANY (current_schemas(false)) AND table_name IN ('good_jobs', 'good_job_batches')
            ORDER BY table_name, ordinal_position`,
      )
      .then((result) => capabilitiesFrom(result.rows));
    probe.catch(() => probes.delete(db));
    probes.set(db, probe);
  }
  return probe;
}

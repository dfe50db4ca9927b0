import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { ExportFormat, ExportJob } from '../domain/export';
import type { JobFilter } from '../domain/job-filter';
import { jobFilterSql } from '../sql/job-filter-sql';

/** Rows per read: large enough that a 100,000-job batch takes 50 reads, small enough that memory stays flat. */
export const EXPORT_PAGE = 2000;

export type ExportScope = { batchId: string } | { filter: JobFilter };

/**
 * Every job of the scope, oldest first, in keyset pages of (created_at, id): each read starts where the last one ended,
 * so memory holds one page and no job is read twice or skipped while the table changes.
 */
export async function* exportJobs(db: Db, scope: ExportScope, format: ExportFormat, now: Date): AsyncGenerator<ExportJob[]> {
  const where: SQL | undefined = 'batchId' in scope ? sql`batch_id = ${scope.batchId}` : jobFilterSql(scope.filter, now);
  const params = format === 'ndjson' ? sql`serialized_params::text` : sql`NULL::text`;
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const conditions: SQL[] = [where, after ? sql`(created_at, id) > (${after.at}::timestamp, ${after.id}::uuid)` : undefined].filter((c): c is SQL => c !== undefined);
    const { rows }: { rows: ExportJob[] } = await db.execute<ExportJob & Record<string, unknown>>(sql`
      SELECT id, job_class, queue_name, priority, labels, executions_count, batch_id, created_at, scheduled_at, performed_at,
             finished_at, error, ${params} AS serialized_params_text
      FROM good_jobs ${conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``}
      ORDER BY created_at, id LIMIT ${EXPORT_PAGE}`);
    if (rows.length > 0) yield rows;
    if (rows.length < EXPORT_PAGE) return;
    const last: ExportJob = rows[rows.length - 1]!;
    after = { at: last.created_at, id: last.id };
  }
}

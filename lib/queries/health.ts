import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { missingIndexes, type IndexAdvice } from '../domain/indexes';

const cache = new WeakMap<Db, { at: number; missing: IndexAdvice[] }>();

/** Whether an advised index is in place (as of the last look, at most 5 minutes old). */
export async function hasIndex(db: Db, name: string): Promise<boolean> {
  const missing = await indexAdvice(db, { all: true });
  return !missing.some((m) => m.name === name);
}
const TTL_MS = 5 * 60 * 1000;

/** The advised indexes this database lacks (looked up at most every 5 minutes). Never creates anything. */
export async function indexAdvice(db: Db, { all = false } = {}): Promise<IndexAdvice[]> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return filterAdvice(hit.missing, all);
  const { rows } = await db.execute<{ name: string }>(
    sql`SELECT indexname AS name FROM pg_indexes WHERE schemaname = ANY (current_schemas(false)) AND tablename IN ('good_jobs', 'good_job_batches', 'good_job_executions')`,
  );
  const { rows: size } = await db.execute<{ batches: number; jobs: number }>(
    sql`SELECT (SELECT reltuples::bigint FROM pg_class WHERE oid = 'good_job_batches'::regclass) AS batches,
               (SELECT reltuples::bigint FROM pg_class WHERE oid = 'good_jobs'::regclass) AS jobs`,
  );
  // The suggested indexes only help at scale (many batches, or a million jobs): below that, suggesting them is noise.
  const atScale = Number(size[0]?.batches ?? 0) > 10_000 || Number(size[0]?.jobs ?? 0) > 500_000;
  const missing = missingIndexes(new Set(rows.map((r) => r.name))).map((m) => ({ ...m, atScale }));
  cache.set(db, { at: Date.now(), missing });
  return filterAdvice(missing, all);
}

/** Suggestions are shown only at scale; `all` keeps them (to know what is there). */
function filterAdvice(missing: Array<IndexAdvice & { atScale?: boolean }>, all: boolean): IndexAdvice[] {
  return missing.filter((m) => all || !m.suggestion || m.atScale);
}

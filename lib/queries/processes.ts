import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { lockKeySqlFor } from '../db/lock-key';
import type { ProcessRow } from '../read-models/processes';

const PROCESS_LIMIT = 500;

/** Process records newest first, each with whether its advisory lock is held right now (pg_locks, as GoodJob checks). */
export async function listProcesses(db: Db): Promise<{ processes: ProcessRow[]; hasLockType: boolean }> {
  const { rows } = await db.execute<{ has: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = ANY (current_schemas(false)) AND table_name = 'good_job_processes' AND column_name = 'lock_type') AS has`,
  );
  const hasLockType = Boolean(rows[0]?.has);
  const key = lockKeySqlFor(`'good_job_processes-' || p.id::text`);
  const result = await db.execute<ProcessRow>(sql`
    SELECT p.id, p.created_at, p.updated_at, p.state, ${hasLockType ? sql`p.lock_type` : sql`NULL::smallint`} AS lock_type,
      EXISTS (
        SELECT 1 FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.objsubid = 1
          AND l.classid = substring((${key})::bit(64) FROM 1 FOR 32)::bit(32)::int
          AND l.objid = substring((${key})::bit(64) FROM 33 FOR 32)::bit(32)::int
      ) AS locked
    FROM good_job_processes p ORDER BY p.created_at DESC LIMIT ${PROCESS_LIMIT}`);
  return { processes: result.rows, hasLockType };
}

import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { PAUSES, readPauses, type Pauses } from '../domain/settings';

/** GoodJob's `pauses` setting (no row: nothing paused). One row by its unique key. */
export async function readPausesSetting(db: Db): Promise<Pauses> {
  const { rows } = await db.execute<{ value: unknown }>(sql`SELECT value FROM good_job_settings WHERE key = ${PAUSES}`);
  return readPauses(rows[0]?.value);
}

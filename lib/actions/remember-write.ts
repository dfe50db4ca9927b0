import 'server-only';
import { sql } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { getDb, getReplicaDb } from '../db/client';
import { commandOrFault, isFault, type CommandFault } from '../db/load';
import { WRITTEN_LSN_COOKIE } from '../db/read';
import { setting } from '../env';
import { log } from '../telemetry/log';

/** How long at most this browser reads from the primary after an action while the replica catches up. */
const stickySeconds = () => setting('DATABASE_REPLICA_STICKY_SECONDS');

/**
 * After an action committed on the primary: when a replica serves the pages, keep the primary's WAL position in a
 * cookie, so this browser reads from the primary until the replica has replayed past it (lib/db/read.ts) — the job
 * just retried never shows as it was. Bounded: the cookie expires after DATABASE_REPLICA_STICKY_SECONDS. Never fails
 * the action: without the position, the browser reads from the replica as before.
 */
export async function rememberWrite(): Promise<void> {
  if (getReplicaDb() === null) return;
  try {
    const { rows } = await getDb().execute<{ lsn: string }>(sql`SELECT pg_current_wal_lsn()::text AS lsn`);
    const lsn = rows[0]?.lsn;
    if (!lsn) return;
    (await cookies()).set(WRITTEN_LSN_COOKIE, lsn, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: stickySeconds() });
  } catch (error) {
    log('warn', 'wal_position_unknown', { error });
  }
}

/** An action's command (lib/db/load.ts commandOrFault), then, unless it faulted, its commit remembered. */
export async function runCommand<T>(run: () => Promise<T>): Promise<T | CommandFault> {
  const result = await commandOrFault(run);
  if (!isFault(result)) await rememberWrite();
  return result;
}

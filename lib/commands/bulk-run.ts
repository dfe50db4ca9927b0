// Many jobs, one command each, each in its own transaction (lib/commands/job-commands.ts). When the database goes
// away or stops answering midway, the run stops there and says how far it got: the jobs before were changed (each
// one whole), the rest were not touched.
import type { Db } from '../db/client';
import { isDatabaseUnavailable, isQueryTimeout } from '../db/errors';
import type { CommandOutcome } from './job-commands';

export interface BulkResult {
  /** Jobs the command changed. */
  done: number;
  /** Jobs it left as they were (wrong state, gone, a worker holds them), before any stop. */
  skipped: number;
  /** Jobs asked for. */
  total: number;
  /** Why the run stopped early, if it did: the rest (total − done − skipped) were not attempted. */
  stopped: 'unavailable' | 'busy' | null;
}

export async function runBulk(db: Db, ids: readonly string[], command: (db: Db, id: string) => Promise<CommandOutcome>): Promise<BulkResult> {
  let done = 0;
  let skipped = 0;
  for (const id of ids) {
    let outcome: CommandOutcome;
    try {
      outcome = await command(db, id);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return { done, skipped, total: ids.length, stopped: 'unavailable' };
      if (isQueryTimeout(error)) return { done, skipped, total: ids.length, stopped: 'busy' };
      throw error;
    }
    if (outcome === 'done') done += 1;
    else skipped += 1;
  }
  return { done, skipped, total: ids.length, stopped: null };
}

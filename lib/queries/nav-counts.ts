import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { processActive } from '../domain/process-state';
import { pauseCount } from '../domain/settings';
import { boundedCount } from './bounded-count';
import { countCronKeys } from './cron';
import { listProcesses } from './processes';
import { readPausesSetting } from './settings';
import { optionalPart } from '../db/load';
import { sharedRead } from '../cache/shared-read';
import type { NavCounts } from '../read-models/nav-counts';

/** Every page shows them: read at most once per NAV_COUNTS_TTL_MS per process, shared by the requests meanwhile. */
export const NAV_COUNTS_TTL_MS = 10_000;
/** A page never waits on them (they stream in), and gives up on them after this long. */
const NAV_COUNTS_DEADLINE_MS = 2_000;

async function readNavCounts(db: Db, now: Date): Promise<NavCounts> {
  const [jobs, batches, discarded, cron, processes, pauses] = await Promise.all([
    boundedCount(db, sql`FROM good_jobs`),
    boundedCount(db, sql`FROM good_job_batches`),
    boundedCount(db, sql`FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NOT NULL`),
    countCronKeys(db),
    listProcesses(db),
    readPausesSetting(db),
  ]);
  return {
    jobs,
    batches,
    discarded,
    cronEnabled: cron.enabled,
    cronDisabled: cron.disabled,
    processes: processes.processes.filter((p) => processActive(p, now, processes.hasLockType)).length,
    pauses: pauseCount(pauses),
  };
}

/** The counts, or null when the database cannot give them in time (the page says so elsewhere). */
export async function navCounts(db: Db, now = new Date()): Promise<NavCounts | null> {
  // A failure is not kept (sharedRead): the next page asks again.
  const value = sharedRead('nav-counts', NAV_COUNTS_TTL_MS, () => readNavCounts(db, now), now.getTime());
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), NAV_COUNTS_DEADLINE_MS);
  });
  try {
    return await Promise.race([optionalPart('nav_counts', value, null), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

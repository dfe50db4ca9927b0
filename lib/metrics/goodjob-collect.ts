import 'server-only';
import { sql } from 'drizzle-orm';
import { getCapabilities } from '../db/capabilities';
import type { Db } from '../db/client';
import { BATCH_STATES, type BatchState } from '../domain/batch-state';
import { EMPTY_JOB_FILTER } from '../domain/job-filter';
import { JOB_STATUSES, type JobStatus } from '../domain/job-state';
import { processActive } from '../domain/process-state';
import { toDbTime } from '../domain/time';
import { batchStateSql } from '../queries/batches';
import { boundedCount } from '../queries/bounded-count';
import type { BoundedCount } from '../read-models/bounded-count';
import { countJobsByState } from '../queries/jobs';
import { listProcesses } from '../queries/processes';
import { listQueueStats, type QueueStats } from '../queries/queue-stats';

/** The window of goodjob_discarded_jobs_last_hour. */
export const DISCARDED_WINDOW_MS = 60 * 60 * 1000;

/** What GoodJob's tables say at one moment: the values of the goodjob_* gauges. */
export interface GoodJobSnapshot {
  jobs: Record<JobStatus, BoundedCount>;
  queues: QueueStats[];
  batches: Record<BatchState, BoundedCount>;
  activeProcesses: number;
  discardedLastHour: BoundedCount;
}

async function countBatchesByState(db: Db): Promise<Record<BatchState, BoundedCount>> {
  const caps = await getCapabilities(db);
  const counts = await Promise.all(BATCH_STATES.map((state) => boundedCount(db, sql`FROM good_job_batches WHERE ${batchStateSql(state, caps)}`)));
  return Object.fromEntries(BATCH_STATES.map((state, i) => [state, counts[i]!])) as Record<BatchState, BoundedCount>;
}

async function countActiveProcesses(db: Db, now: Date): Promise<number> {
  const { processes, hasLockType } = await listProcesses(db);
  return processes.filter((p) => processActive(p, now, hasLockType)).length;
}

/** Jobs discarded (finished with an error) in the window before `now`: GoodJob's index on discarded jobs serves it. */
function countDiscardedSince(db: Db, now: Date): Promise<BoundedCount> {
  const since = toDbTime(new Date(now.getTime() - DISCARDED_WINDOW_MS));
  return boundedCount(db, sql`FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NOT NULL AND finished_at >= ${since}::timestamp`);
}

/**
 * Reads every goodjob_* value as of `now`. The groups run one after the other (each group in parallel), so that a
 * scrape holds at most seven of the pool's connections (the job states' counts) and pages keep the rest.
 */
export async function collectGoodJob(db: Db, now: Date): Promise<GoodJobSnapshot> {
  const counts = await countJobsByState(db, EMPTY_JOB_FILTER, now);
  const jobs = Object.fromEntries(JOB_STATUSES.map((state) => [state, counts[state]])) as Record<JobStatus, BoundedCount>;
  const batches = await countBatchesByState(db);
  const [queues, activeProcesses, discardedLastHour] = await Promise.all([listQueueStats(db, now), countActiveProcesses(db, now), countDiscardedSince(db, now)]);
  return { jobs, queues, batches, activeProcesses, discardedLastHour };
}

import 'server-only';
import { sharedRead } from '../cache/shared-read';
import { optionalPart } from '../db/load';
import { readDb } from '../db/read';
import type { Db } from '../db/client';
import type { StatusCounts } from '../domain/batch-state';
import type { OptionalPart } from '../telemetry/dashboard-metrics';
import { batchDurations } from './batch-durations';
import { batchErrorSummary } from './batch-errors';
import { batchTimeline } from './batch-timeline';
import type { TimelineBatch } from '../read-models/batch-timeline';
import type { BatchInsight } from '../read-models/batch-insight';

/**
 * The batch's timeline, durations and errors are read once per this long per process, shared by the requests meanwhile;
 * a batch of more than BIG_BATCH jobs (its insights are ≈ from samples anyway) less often, so that its reads — 100,000
 * index probes — seldom run beside a page's own.
 */
export const INSIGHT_TTL_MS = 10_000;
export const BIG_INSIGHT_TTL_MS = 30_000;
export const BIG_BATCH = 10_000;

/**
 * The batch page's three insights, streamed after its first paint: one read at a time, each after the one before has
 * settled, so that the database's other core stays free for the pages being served meanwhile. A read that fails
 * leaves its part out (null), logged and counted (optionalPart).
 */
export function batchInsight(batch: TimelineBatch & { id: string }, counts: StatusCounts, now: Date): BatchInsight {
  const jobCount = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const ttl = jobCount > BIG_BATCH ? BIG_INSIGHT_TTL_MS : INSIGHT_TTL_MS;
  const read = <T,>(part: OptionalPart, load: (db: Db) => Promise<T>, after: Promise<unknown>): Promise<T | null> =>
    optionalPart(part, after.then(() => readDb()).then((db) => sharedRead(`${part}:${batch.id}`, ttl, () => load(db))), null);
  const timeline = read('batch_timeline', (db) => batchTimeline(db, batch, now), Promise.resolve());
  const durations = read('batch_durations', (db) => batchDurations(db, batch.id, now), timeline);
  const errors = read('batch_errors', (db) => batchErrorSummary(db, batch.id), durations);
  return { timeline, durations, errors };
}

import { parseDbTime } from '@/lib/domain/time';
import type { TimelineBatch } from '@/lib/read-models/batch-timeline';

export type MilestoneKey = 'created' | 'enqueued' | 'jobsFinished' | 'finished' | 'discarded';

/** The batch's own moments, in the order of its life, those it has. */
export function batchMilestones(batch: TimelineBatch): { key: MilestoneKey; at: Date }[] {
  const all: [MilestoneKey, string | null | undefined][] = [
    ['created', batch.created_at],
    ['enqueued', batch.enqueued_at],
    ['discarded', batch.discarded_at],
    ['jobsFinished', batch.jobs_finished_at],
    ['finished', batch.finished_at],
  ];
  return all.flatMap(([key, value]) => {
    const at = parseDbTime(value ?? null);
    return at ? [{ key, at }] : [];
  });
}

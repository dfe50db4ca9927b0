import type { DensityBucket } from '@/lib/read-models/batch-timeline';
import { routes } from '@/lib/i18n/routes';

/**
 * The batch's jobs performed in a bucket (the jobs list's performed_after / performed_before): the first and last
 * buckets are open-ended, as the density counts points outside the span in them.
 */
export function bucketJobsHref(locale: string, batchId: string, bucket: DensityBucket, last: boolean): string {
  return routes.jobs(locale, {
    batch_id: batchId,
    performed_after: bucket.index === 0 ? null : bucket.start.toISOString(),
    performed_before: last ? null : bucket.end.toISOString(),
  });
}

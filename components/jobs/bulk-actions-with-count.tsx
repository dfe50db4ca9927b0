import { isEmptyFilter, jobFilterParams, type JobFilter } from '@/lib/domain/job-filter';
import type { JobCounts } from '@/lib/read-models/jobs';
import { BulkActions } from './bulk-actions';

/** The bulk bar, once the tab counts are in: the current tab's count is what "all matching this filter" means. */
export async function BulkActionsWithCount({ counts, locale, filter }: { counts: Promise<JobCounts | null>; locale: string; filter: JobFilter }) {
  const matching = (await counts)?.[filter.state ?? 'all'] ?? null;
  return <BulkActions locale={locale} filterParams={jobFilterParams(filter)} matching={matching} filtered={!isEmptyFilter(filter)} />;
}

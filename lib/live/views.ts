import 'server-only';
import { jobStatus } from '../domain/job-state';
import type { BatchPageData } from '../read-models/batches';
import type { BatchesPageData } from '../read-models/batches';
import type { JobCounts } from '../read-models/jobs';
import type { JobsResult } from '../read-models/jobs';
import { liveSignature, type LiveSignature, type RowStamp } from './signature';
import { documentHref } from '../i18n/routes';
import { firstParam, hrefWith } from '../domain/url';

// The signatures of the pages live updates check: the page renders with one, its endpoint answers with one, computed
// by the same function from the same reads (a job's state counts as shown: it changes with time, not only with writes).

const jobStamps = (rows: readonly { id: string; updated_at: string; scheduled_at: string | null; performed_at: string | null; finished_at: string | null; created_at: string; error: string | null }[], now: Date): RowStamp[] =>
  rows.map((row) => [row.id, row.updated_at, jobStatus(row, now)]);

export function jobsListSignature(result: JobsResult, counts: JobCounts | null, now: Date): LiveSignature {
  return liveSignature({ jobs: result.kind === 'page' ? jobStamps(result.rows, now) : [] }, { kind: result.kind, counts });
}

export function batchPageSignature(data: BatchPageData, now: Date): LiveSignature {
  return liveSignature(
    { 'callback-jobs': jobStamps(data.callbackJobs.rows, now), 'batched-jobs': jobStamps(data.batchedJobs.rows, now) },
    { batch: data.batch.updated_at, counts: data.counts },
  );
}

export function batchesListSignature(data: Pick<BatchesPageData, 'page' | 'totals'>): LiveSignature {
  const stamps = data.page.rows.map((b): RowStamp => {
    const t = data.totals.get(b.id);
    return [b.id, b.updated_at, t ? `${t.total}/${t.finished}/${t.discarded}` : ''];
  });
  return liveSignature({ batches: stamps }, null);
}

/** A live endpoint's URL for a page: its own query, with the page's locale. */
export function liveEndpoint(path: string, search: Record<string, string | string[] | undefined>, locale: string): string {
  const params = Object.fromEntries(Object.entries(search).map(([key, value]) => [key, firstParam(value)]));
  return documentHref(hrefWith(path, { ...params, locale }));
}

import { LiveMark } from '@/components/preferences/live-mark';
import { jobsListSignature } from '@/lib/live/views';
import type { JobCounts } from '@/lib/read-models/jobs';
import type { JobsResult } from '@/lib/read-models/jobs';

/** The jobs list's live signature, once its tab counts (streamed) are in. */
export async function JobsLiveMark({ result, counts, now, endpoint }: { result: JobsResult; counts: Promise<JobCounts | null>; now: Date; endpoint: string }) {
  const { tag, others } = jobsListSignature(result, await counts, now);
  return <LiveMark endpoint={endpoint} tag={tag} others={others} />;
}

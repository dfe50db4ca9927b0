import { useTranslations } from 'next-intl';
import type { JobStatus } from '@/lib/domain/job-state';
import { pausedView, pausedWords } from '@/lib/domain/row-view';
import type { PauseMarking } from '@/lib/domain/settings';

/** "Paused" beside the state of a job that waits behind a pause (its queue, class or a label), with the reason. */
export function PausedMarker({ job, status, marking }: { job: { queue_name: string | null; job_class: string | null; labels: string[] | null }; status: JobStatus; marking: PauseMarking | null }) {
  const paused = pausedView(marking, pausedWords(useTranslations('Pauses')))(job, status);
  if (paused === null) return null;
  return (
    <span className="badge badge-warning paused-marker" data-testid="paused" title={paused[1]}>
      {paused[0]}
    </span>
  );
}

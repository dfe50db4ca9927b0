import { useTranslations } from 'next-intl';
import type { JobStatus } from '@/lib/domain/job-state';
import { pauseReason, type PauseMarking } from '@/lib/domain/settings';

const WAITING: ReadonlySet<JobStatus> = new Set(['queued', 'scheduled', 'retried']);

/** "Paused" beside the state of a job that waits behind a pause (its queue, class or a label), with the reason. */
export function PausedMarker({ job, status, marking }: { job: { queue_name: string | null; job_class: string | null; labels: string[] | null }; status: JobStatus; marking: PauseMarking | null }) {
  const t = useTranslations('Pauses');
  if (marking === null || !WAITING.has(status)) return null;
  const reason = pauseReason(job, marking.pauses);
  if (reason === null) return null;
  return (
    <span className="badge badge-warning paused-marker" data-testid="paused" title={t(`reason_${reason.kind}`, { value: reason.value })}>
      {marking.certain ? t('marker') : t('markerIfEnabled')}
    </span>
  );
}

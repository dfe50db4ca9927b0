import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { JobStatus } from '@/lib/domain/job-state';

const TONES: Record<JobStatus, BadgeTone> = {
  scheduled: 'info',
  retried: 'warning',
  queued: 'neutral',
  running: 'running',
  succeeded: 'success',
  discarded: 'danger',
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const t = useTranslations('JobStatus');
  return (
    <Badge tone={TONES[status]} testId={`status-${status}`}>
      {t(status)}
    </Badge>
  );
}

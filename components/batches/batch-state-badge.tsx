import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { BatchState } from '@/lib/domain/batch-state';

const TONES: Record<BatchState, BadgeTone> = {
  discarded: 'danger',
  succeeded: 'success',
  callbacksRunning: 'running',
  inProgress: 'info',
  notEnqueued: 'neutral',
};

export function BatchStateBadge({ state }: { state: BatchState }) {
  const t = useTranslations('BatchState');
  return (
    <Badge tone={TONES[state]} testId={`batch-state-${state}`}>
      {t(state)}
    </Badge>
  );
}

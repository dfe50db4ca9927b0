import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { CronEnabledState } from '@/lib/domain/settings';

const TONE = { enabled: 'success', disabled: 'warning', default: 'neutral' } as const;
const LABEL = { enabled: 'enabled', disabled: 'disabled', default: 'enabledByDefault' } as const;

export function CronStateBadge({ state }: { state: CronEnabledState }) {
  const t = useTranslations('Cron');
  return (
    <Badge tone={TONE[state]} testId={`cron-${state}`}>
      {t(LABEL[state])}
    </Badge>
  );
}

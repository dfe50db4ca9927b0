import { useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/domain/format';
import { PERFORMANCE_ROW_CAP } from '@/lib/read-models/performance';

/** Says that the page's figures come from a sample (marked ≈), and how big it was. */
export function SampledNotice({ percent, locale }: { percent: number; locale: string }) {
  const t = useTranslations('Performance');
  return (
    <p className="notice" data-testid="sampled-notice">
      {t('sampled', { cap: formatNumber(PERFORMANCE_ROW_CAP, locale), percent: percent / 100 })}
    </p>
  );
}

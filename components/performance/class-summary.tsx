import { useTranslations } from 'next-intl';
import type { PerformanceStat } from '@/lib/read-models/performance';
import { countText, durationText } from './stat-format';

/** A class's figures over the window, as the Performance table's row has them. */
export function ClassSummary({ stat, locale, approximate }: { stat: PerformanceStat; locale: string; approximate: boolean }) {
  const t = useTranslations('Performance');
  const items: Array<[string, string]> = [
    [t('executions'), countText(stat.executions, locale, approximate)],
    [t('failures'), countText(stat.failures, locale, approximate)],
    [t('averageDuration'), durationText(stat.avgMs, locale, approximate)],
    [t('medianDuration'), durationText(stat.p50Ms, locale, approximate)],
    [t('p95Duration'), durationText(stat.p95Ms, locale, approximate)],
    [t('maximumDuration'), durationText(stat.maxMs, locale, approximate)],
  ];
  return (
    <dl className="times" aria-label={t('summary')} data-testid="class-summary">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

import { useTranslations } from 'next-intl';
import { HistogramChart, type HistogramBar } from '@/components/charts/histogram-chart';
import { formatDuration } from '@/lib/domain/format';
import type { HistogramBucket } from '@/lib/domain/performance';

/** A class's execution durations in GoodJob's buckets: the bar under each bucket's upper bound, "Slow" for the last. */
export function ClassHistogram({ buckets, locale, approximate }: { buckets: HistogramBucket[]; locale: string; approximate: boolean }) {
  const t = useTranslations('Performance');
  const d = (ms: number) => formatDuration(ms, locale);
  const bars: HistogramBar[] = buckets.map((b) => ({
    key: String(b.index),
    axisLabel: b.toMs === null ? t('slow') : d(b.toMs),
    label: b.toMs === null ? t('bucketSlow', { from: d(b.fromMs) }) : b.index === 0 ? t('bucketFirst', { to: d(b.toMs) }) : t('bucketRange', { from: d(b.fromMs), to: d(b.toMs) }),
    value: b.count,
  }));
  return (
    <section className="card" aria-labelledby="histogram-title">
      <h2 id="histogram-title">{t('histogramTitle')}</h2>
      <p className="muted">{t('histogramNote')}</p>
      <HistogramChart
        bars={bars}
        locale={locale}
        title={t('histogramTitle')}
        unit="count"
        id="histogram"
        categoryHeading={t('duration')}
        valueHeading={t('executions')}
        approximate={approximate}
      />
    </section>
  );
}

import { useTranslations } from 'next-intl';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { formatDuration } from '@/lib/domain/format';
import type { PerformanceWindow } from '@/lib/domain/performance';
import { bucketStart, OTHER_SERIES_KEY, seriesFromCounts, topSeries, type SeriesData } from '@/lib/domain/time-series';
import type { PerformanceOverview } from '@/lib/read-models/performance';
import { classPerformanceHref } from './links';

/** The series key of executions without a job class (no Ruby class can be named so). */
const NONE_KEY = '(none)';
/** Classes drawn on their own; the rest are summed into "Other". */
const KEEP = 7;

/** Each class's busy seconds per bar, the largest first. */
export function classSeries(chart: PerformanceOverview['chart'], noneLabel: string): SeriesData[] {
  const totals = new Map<string | null, number>();
  for (const cell of chart.cells) totals.set(cell.jobClass, (totals.get(cell.jobClass) ?? 0) + cell.seconds);
  const classes = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || String(a).localeCompare(String(b)));
  const key = (jobClass: string | null) => jobClass ?? NONE_KEY;
  return seriesFromCounts(
    chart.cells.map((cell) => ({ at: bucketStart(chart, cell.bucket), key: key(cell.jobClass), count: cell.seconds })),
    classes.map((jobClass) => ({ key: key(jobClass), label: jobClass ?? noneLabel })),
    chart,
  ).series;
}

interface Props {
  overview: PerformanceOverview;
  locale: string;
  timeZone: string;
  window: PerformanceWindow;
}

/** GoodJob's chart: the summed duration of each class's executions per bar, over the window; a segment links to its class. */
export function PerformanceChart({ overview, locale, timeZone, window }: Props) {
  const t = useTranslations('Performance');
  const chart = useTranslations('Chart');
  const series = topSeries(classSeries(overview.chart, t('none')), KEEP, OTHER_SERIES_KEY, chart('other'));
  const { from, stepMs, buckets } = overview.chart;
  return (
    <section className="card" aria-labelledby="perf-chart-title">
      <h2 id="perf-chart-title">
        {overview.sampled ? '≈ ' : ''}
        {t('chartTitle')}
      </h2>
      <p className="muted">{t('chartNote', { step: formatDuration(stepMs, locale) })}</p>
      <TimeSeriesChart
        data={{ from, stepMs, buckets, series }}
        locale={locale}
        timeZone={timeZone}
        title={t('chartTitle')}
        unit="seconds"
        id="perf"
        hrefFor={(key) => (key === OTHER_SERIES_KEY || key === NONE_KEY ? null : classPerformanceHref(locale, key, window))}
      />
    </section>
  );
}

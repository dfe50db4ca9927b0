import { scaleLinear } from 'd3-scale';
import { useTranslations } from 'next-intl';
import { formatExactTime } from '@/lib/domain/format';
import { interpolateTenth, px } from '@/lib/domain/svg-number';
import { timeAxis } from '@/lib/domain/time-axis';
import { bucketEnd, bucketStart, bucketTotals, isEmptySeries, OTHER_SERIES_KEY, seriesEnd, stackBucket, type BucketedSeries } from '@/lib/domain/time-series';
import { TimeAxisMarks } from '@/components/batches/timeline/time-axis-marks';
import { type ChartUnit, formatChartValue } from './format-value';
import { AXIS, BOTTOM, LEFT, RIGHT, SERIES_CLASSES, TOP, WIDTH } from './geometry';
import { TimeSeriesTable } from './time-series-table';
import { documentHref } from '@/lib/i18n/routes';

export type HrefFor = (seriesKey: string, from: Date, to: Date) => string | null;

export interface TimeSeriesChartProps {
  data: BucketedSeries;
  locale: string;
  timeZone: string;
  /** What the chart shows: the svg's accessible name and the table's caption (the page gives its own heading). */
  title: string;
  unit: ChartUnit;
  /** Unique per page: prefixes element ids and test ids (`<id>-chart`, `<id>-table`). */
  id: string;
  /** Where a bar segment (and its table cell) links: that series in that bucket; null for no link. */
  hrefFor?: HrefFor;
  /** The key of a folded "Other" series, drawn in the neutral colour (topSeries' otherKey). */
  otherKey?: string;
}

/** The colour class of the series at `index`: one of eight in order, the neutral one for "Other". */
export function seriesClass(key: string, index: number, otherKey: string): string {
  return key === otherKey ? 'chart-other' : SERIES_CLASSES[index % SERIES_CLASSES.length]!;
}

/**
 * Stacked bars per time bucket (one segment per series) drawn on the server as SVG, a legend with each series' total,
 * and the same numbers as a table one click away. Says so, instead of drawing an empty plot, when every value is zero.
 */
export function TimeSeriesChart({ data, locale, timeZone, title, unit, id, hrefFor, otherKey = OTHER_SERIES_KEY }: TimeSeriesChartProps) {
  const t = useTranslations('Chart');
  const empty = isEmptySeries(data);
  return (
    <figure className="ts-figure" data-testid={id}>
      {empty ? (
        <p className="muted" data-testid={`${id}-empty`}>
          {t('noData')}
        </p>
      ) : (
        <>
          <StackedBars data={data} locale={locale} timeZone={timeZone} title={title} unit={unit} id={id} hrefFor={hrefFor} otherKey={otherKey} />
          <ul className="tl-legend ts-legend" aria-label={t('legend')}>
            {data.series.map((s, i) => (
              <li key={s.key}>
                <span className={`tl-swatch ${seriesClass(s.key, i, otherKey)}`} aria-hidden="true" />{' '}
                {t('legendItem', { series: s.label, total: formatChartValue(s.values.reduce((a, b) => a + b, 0), unit, locale) })}
              </li>
            ))}
          </ul>
        </>
      )}
      <details className="timeline-data">
        <summary>{t('showTable')}</summary>
        <div className="table-wrap">
          <TimeSeriesTable data={data} locale={locale} timeZone={timeZone} title={title} unit={unit} id={id} hrefFor={hrefFor} />
        </div>
      </details>
    </figure>
  );
}

function StackedBars({ data, locale, timeZone, title, unit, id, hrefFor, otherKey }: TimeSeriesChartProps & { otherKey: string }) {
  const t = useTranslations('Chart');
  const axis = timeAxis(data.from, seriesEnd(data), LEFT, RIGHT, locale, timeZone);
  const max = Math.max(0, ...bucketTotals(data));
  const y = scaleLinear().domain([0, max > 0 ? max : 1]).nice().range([BOTTOM, TOP]).interpolate(interpolateTenth);
  const top = y.domain()[1]!;
  const exact = (d: Date) => formatExactTime(d, timeZone);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${BOTTOM + AXIS}`} className="timeline-chart ts-chart" role="group" aria-label={title} data-testid={`${id}-chart`}>
      <TimeAxisMarks axis={axis} top={TOP} y={BOTTOM} />
      <line x1={LEFT} x2={RIGHT} y1={TOP} y2={TOP} className="tl-grid" aria-hidden="true" />
      <line x1={LEFT} x2={RIGHT} y1={y(top / 2)} y2={y(top / 2)} className="tl-grid" aria-hidden="true" />
      <text x={RIGHT} y={TOP - 6} textAnchor="end" className="tl-scale" aria-hidden="true" data-testid={`${id}-scale`}>
        {formatChartValue(top, unit, locale)}
      </text>
      {Array.from({ length: data.buckets }, (_, i) => {
        const from = bucketStart(data, i);
        const to = bucketEnd(data, i);
        const x0 = px(axis.x(from) + 1);
        const width = px(Math.max(axis.x(to) - x0 - 1, 0.5));
        return (
          <g key={i} data-bucket={i}>
            {stackBucket(data.series, i).map(({ seriesIndex, low, high }) => {
              const s = data.series[seriesIndex]!;
              const label = t('segmentTitle', { series: s.label, value: formatChartValue(high - low, unit, locale), from: exact(from), to: exact(to) });
              const rect = <rect x={x0} y={y(high)} width={width} height={px(Math.max(y(low) - y(high), 0.5))} className={`ts-seg ${seriesClass(s.key, seriesIndex, otherKey)}`} data-series={s.key} />;
              const href = hrefFor?.(s.key, from, to) ?? null;
              // The segment's title names it (the link's name when it is one) and is its tooltip: written once.
              return href === null ? (
                <g key={s.key}>
                  <title>{label}</title>
                  {rect}
                </g>
              ) : (
                <a key={s.key} href={documentHref(href)}>
                  <title>{label}</title>
                  {rect}
                </a>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

import { useTranslations } from 'next-intl';
import { isEmptySeries, OTHER_SERIES_KEY, type BucketedSeries } from '@/lib/domain/time-series';
import { type ChartUnit, formatChartValue } from './format-value';
import { seriesClass } from './geometry';
import { stackedBarsSvg } from './stacked-bars';
import { TimeSeriesTable } from './time-series-table';

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
          <div
            className="ts-plot"
            // Markup written as text, every name escaped (stackedBarsSvg): a few hundred elements React need not render.
            dangerouslySetInnerHTML={{
              __html: stackedBarsSvg({ data, locale, timeZone, title, unit, id, hrefFor, otherKey, prefix: process.env.NEXT_PUBLIC_BASE_PATH ?? '', segmentTitle: (parts) => t('segmentTitle', parts) }),
            }}
          />
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

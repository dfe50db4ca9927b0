import { scaleBand, scaleLinear } from 'd3-scale';
import { useTranslations } from 'next-intl';
import { interpolateTenth, px } from '@/lib/domain/svg-number';
import { type ChartUnit, formatChartValue } from './format-value';
import { BOTTOM, LEFT, RIGHT, SERIES_CLASSES, TOP, WIDTH } from './geometry';

/** Room under the plot for the slanted category labels. */
const LABELS = 64;

export interface HistogramBar {
  key: string;
  /** Short, under the bar (`30 ms`). */
  axisLabel: string;
  /** Whole, in the bar's title and the table (`20 ms – 30 ms`). */
  label: string;
  value: number;
}

interface Props {
  bars: HistogramBar[];
  locale: string;
  /** What the chart shows: the svg's accessible name and the table's caption. */
  title: string;
  unit: ChartUnit;
  /** Unique per page: test ids `<id>-chart`, `<id>-table`. */
  id: string;
  /** The table's column heads: the categories and their values. */
  categoryHeading: string;
  valueHeading: string;
  /** Figures from a sample: `≈` before each. */
  approximate?: boolean;
}

/**
 * A bar per category (a category axis, in the given order) drawn on the server as SVG with a `<title>` per bar, and
 * the same numbers as a table one click away; says so instead of drawing an empty plot when every value is zero.
 */
export function HistogramChart({ bars, locale, title, unit, id, categoryHeading, valueHeading, approximate = false }: Props) {
  const t = useTranslations('Chart');
  const value = (v: number) => `${approximate ? '≈' : ''}${formatChartValue(v, unit, locale)}`;
  const total = bars.reduce((n, b) => n + b.value, 0);
  return (
    <figure className="ts-figure" data-testid={id}>
      {total === 0 ? (
        <p className="muted" data-testid={`${id}-empty`}>
          {t('noData')}
        </p>
      ) : (
        <Bars bars={bars} title={title} id={id} value={value} />
      )}
      <details className="timeline-data">
        <summary>{t('showTable')}</summary>
        <div className="table-wrap">
          <table className="timeline-table ts-table" data-testid={`${id}-table`}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryHeading}</th>
                <th scope="col" className="num">
                  {valueHeading}
                </th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.key} data-bar={b.key}>
                  <th scope="row">{b.label}</th>
                  <td className="num">{value(b.value)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('total')}</th>
                <td className="num">{value(total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </figure>
  );
}

function Bars({ bars, title, id, value }: { bars: HistogramBar[]; title: string; id: string; value: (v: number) => string }) {
  const x = scaleBand<string>().domain(bars.map((b) => b.key)).range([LEFT, RIGHT]).paddingInner(0.15).paddingOuter(0.05).round(true);
  const y = scaleLinear().domain([0, Math.max(1, ...bars.map((b) => b.value))]).nice().range([BOTTOM, TOP]).interpolate(interpolateTenth);
  const top = y.domain()[1]!;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${BOTTOM + LABELS}`} className="timeline-chart ts-chart" role="group" aria-label={title} data-testid={`${id}-chart`}>
      <line x1={LEFT} x2={RIGHT} y1={TOP} y2={TOP} className="tl-grid" aria-hidden="true" />
      <line x1={LEFT} x2={RIGHT} y1={y(top / 2)} y2={y(top / 2)} className="tl-grid" aria-hidden="true" />
      <line x1={LEFT} x2={RIGHT} y1={BOTTOM} y2={BOTTOM} className="tl-axis-line" aria-hidden="true" />
      <text x={RIGHT} y={TOP - 6} textAnchor="end" className="tl-scale" aria-hidden="true" data-testid={`${id}-scale`}>
        {value(top)}
      </text>
      {bars.map((b) => {
        const left = x(b.key)!;
        const middle = px(left + x.bandwidth() / 2);
        return (
          <g key={b.key} data-bar={b.key}>
            <title>{`${b.label}: ${value(b.value)}`}</title>
            <rect x={left} y={TOP} width={x.bandwidth()} height={BOTTOM - TOP} className="tl-hit" />
            {b.value > 0 ? <rect x={left} y={y(b.value)} width={x.bandwidth()} height={px(Math.max(BOTTOM - y(b.value), 0.5))} className={`ts-seg ${SERIES_CLASSES[0]}`} /> : null}
            <text x={middle} y={BOTTOM + 12} textAnchor="end" transform={`rotate(-40 ${middle} ${BOTTOM + 12})`} aria-hidden="true">
              {b.axisLabel}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

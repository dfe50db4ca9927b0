import { scaleLinear } from 'd3-scale';
import { formatExactTime } from '@/lib/domain/format';
import { attributes, escapeMarkup } from '@/lib/domain/markup';
import { interpolateTenth, px } from '@/lib/domain/svg-number';
import { timeAxis } from '@/lib/domain/time-axis';
import { bucketEnd, bucketStart, bucketTotals, seriesEnd, stackBucket, type BucketedSeries } from '@/lib/domain/time-series';
import { type ChartUnit, formatChartValue } from './format-value';
import { AXIS, BOTTOM, LEFT, RIGHT, seriesClass, TOP, WIDTH } from './geometry';

export interface StackedBarsInput {
  data: BucketedSeries;
  locale: string;
  timeZone: string;
  title: string;
  unit: ChartUnit;
  id: string;
  hrefFor?: (seriesKey: string, from: Date, to: Date) => string | null;
  otherKey: string;
  /** A segment's title: its series, value and bucket, in the page's language. */
  segmentTitle: (parts: { series: string; value: string; from: string; to: string }) => string;
  /** The base path links are served under. */
  prefix: string;
}

/**
 * The stacked bars as SVG markup, written as text: a chart of 24 bars × 8 series is a few hundred elements, which React
 * would render twice (HTML and its payload) on every request; as text it is written once and sent once in each.
 * Every name and title is escaped (lib/domain/markup.ts).
 */
export function stackedBarsSvg({ data, locale, timeZone, title, unit, id, hrefFor, otherKey, segmentTitle, prefix }: StackedBarsInput): string {
  const axis = timeAxis(data.from, seriesEnd(data), LEFT, RIGHT, locale, timeZone);
  const max = Math.max(0, ...bucketTotals(data));
  const y = scaleLinear().domain([0, max > 0 ? max : 1]).nice().range([BOTTOM, TOP]).interpolate(interpolateTenth);
  const top = y.domain()[1]!;
  const out: string[] = [`<svg${attributes({ viewBox: `0 0 ${WIDTH} ${BOTTOM + AXIS}`, class: 'timeline-chart ts-chart', role: 'group', 'aria-label': title, 'data-testid': `${id}-chart` })}>`];
  out.push(`<g class="tl-axis" aria-hidden="true"><line${attributes({ x1: LEFT, x2: RIGHT, y1: BOTTOM, y2: BOTTOM, class: 'tl-axis-line' })}></line>`);
  for (const tick of axis.ticks) {
    const anchor = tick.x < LEFT + 30 ? 'start' : tick.x > RIGHT - 30 ? 'end' : 'middle';
    out.push(`<g><line${attributes({ x1: tick.x, x2: tick.x, y1: TOP, y2: BOTTOM, class: 'tl-grid' })}></line><text${attributes({ x: tick.x, y: BOTTOM + 16, 'text-anchor': anchor })}>${escapeMarkup(tick.label)}</text></g>`);
  }
  out.push('</g>');
  out.push(`<line${attributes({ x1: LEFT, x2: RIGHT, y1: TOP, y2: TOP, class: 'tl-grid', 'aria-hidden': 'true' })}></line>`);
  out.push(`<line${attributes({ x1: LEFT, x2: RIGHT, y1: y(top / 2), y2: y(top / 2), class: 'tl-grid', 'aria-hidden': 'true' })}></line>`);
  out.push(`<text${attributes({ x: RIGHT, y: TOP - 6, 'text-anchor': 'end', class: 'tl-scale', 'aria-hidden': 'true', 'data-testid': `${id}-scale` })}>${escapeMarkup(formatChartValue(top, unit, locale))}</text>`);
  for (let i = 0; i < data.buckets; i += 1) {
    const from = bucketStart(data, i);
    const to = bucketEnd(data, i);
    const x0 = px(axis.x(from) + 1);
    const width = px(Math.max(axis.x(to) - x0 - 1, 0.5));
    const fromText = formatExactTime(from, timeZone);
    const toText = formatExactTime(to, timeZone);
    out.push(`<g data-bucket="${i}">`);
    for (const { seriesIndex, low, high } of stackBucket(data.series, i)) {
      const s = data.series[seriesIndex]!;
      const label = segmentTitle({ series: s.label, value: formatChartValue(high - low, unit, locale), from: fromText, to: toText });
      const rect = `<rect${attributes({ x: x0, y: y(high), width, height: px(Math.max(y(low) - y(high), 0.5)), class: `ts-seg ${seriesClass(s.key, seriesIndex, otherKey)}`, 'data-series': s.key })}></rect>`;
      const href = hrefFor?.(s.key, from, to) ?? null;
      // The segment's title names it (the link's name when it is one) and is its tooltip: written once.
      out.push(href === null ? `<g><title>${escapeMarkup(label)}</title>${rect}</g>` : `<a${attributes({ href: prefix + href })}><title>${escapeMarkup(label)}</title>${rect}</a>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}

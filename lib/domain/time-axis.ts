// A time axis for server-drawn SVG charts: d3's UTC scale and its ticks, labels in the page's locale and time zone.
import { scaleUtc } from 'd3-scale';
import { boundedCache, remembered } from '../cache/lru';
import { interpolateTenth } from './svg-number';

export interface TimeAxis {
  /** The x position of a moment. */
  x: (date: Date) => number;
  ticks: { x: number; label: string; at: Date }[];
}

const labelFormats = boundedCache<Intl.DateTimeFormat>(200);

/** How a tick is written: the day only when the axis spans days, seconds only when ticks are seconds apart. */
export function tickFormat(locale: string, timeZone: string, spanMs: number, tickStepMs: number): Intl.DateTimeFormat {
  const withDate = spanMs >= 36 * 3_600_000;
  const withSeconds = tickStepMs < 60_000;
  const key = `${locale}|${timeZone}|${withDate}|${withSeconds}`;
  return remembered(labelFormats, key, () =>
    new Intl.DateTimeFormat(locale, {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      ...(withDate ? { month: 'numeric', day: 'numeric' } : {}),
    }),
  );
}

/** The axis from `from` to `to` drawn between `left` and `right`, with about `count` ticks at round UTC moments. */
export function timeAxis(from: Date, to: Date, left: number, right: number, locale: string, timeZone: string, count = 6): TimeAxis {
  const scale = scaleUtc().domain([from, to]).range([left, right]).interpolate(interpolateTenth);
  const ticks = scale.ticks(count);
  const step = ticks.length > 1 ? ticks[1]!.getTime() - ticks[0]!.getTime() : to.getTime() - from.getTime();
  const format = tickFormat(locale, timeZone, to.getTime() - from.getTime(), step);
  return { x: (date) => scale(date), ticks: ticks.map((at) => ({ x: scale(at), label: format.format(at), at })) };
}

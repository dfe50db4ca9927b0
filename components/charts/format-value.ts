import { formatDuration, formatNumber } from '@/lib/domain/format';

export type ChartUnit = 'count' | 'seconds';

/** A chart value for people: a count in the locale, or seconds as a duration (`250 ms`, `1.23 sec`). */
export function formatChartValue(value: number, unit: ChartUnit, locale: string): string {
  return unit === 'seconds' ? formatDuration(value * 1000, locale) : formatNumber(value, locale);
}

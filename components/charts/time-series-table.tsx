import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { formatExactTime } from '@/lib/domain/format';
import { bucketEnd, bucketStart, bucketTotals } from '@/lib/domain/time-series';
import { formatChartValue } from './format-value';
import type { TimeSeriesChartProps } from './time-series-chart';

type Props = Omit<TimeSeriesChartProps, 'otherKey'>;

/** The chart's numbers as a table: a row per bucket (its start and end in the page's zone), a column per series, a total. */
export function TimeSeriesTable({ data, locale, timeZone, title, unit, id, hrefFor }: Props) {
  const t = useTranslations('Chart');
  const totals = bucketTotals(data);
  const value = (v: number) => formatChartValue(v, unit, locale);
  return (
    <table className="timeline-table ts-table" data-testid={`${id}-table`}>
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('from')}</th>
          <th scope="col">{t('to')}</th>
          {data.series.map((s) => (
            <th key={s.key} scope="col" className="num" data-series={s.key}>
              {s.label}
            </th>
          ))}
          <th scope="col" className="num">
            {t('total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: data.buckets }, (_, i) => {
          const from = bucketStart(data, i);
          const to = bucketEnd(data, i);
          return (
            <tr key={i} data-bucket={i}>
              <th scope="row">{formatExactTime(from, timeZone)}</th>
              <td>{formatExactTime(to, timeZone)}</td>
              {data.series.map((s) => {
                const v = s.values[i] ?? 0;
                const href = v > 0 ? (hrefFor?.(s.key, from, to) ?? null) : null;
                return (
                  <td key={s.key} className="num">
                    {href === null ? value(v) : <Link href={href} prefetch={false}>{value(v)}</Link>}
                  </td>
                );
              })}
              <td className="num">{value(totals[i]!)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            {t('total')}
          </th>
          {data.series.map((s) => (
            <td key={s.key} className="num">
              {value(s.values.reduce((a, b) => a + b, 0))}
            </td>
          ))}
          <td className="num">{value(totals.reduce((a, b) => a + b, 0))}</td>
        </tr>
      </tfoot>
    </table>
  );
}

import { useFormatter, useTimeZone } from 'next-intl';
import { formatExactTime } from '@/lib/domain/format';
import { parseDbTime } from '@/lib/domain/time';

/** A database time relative to `now` in the page's locale; the exact time (in the chosen zone) on hover. */
export function RelativeTime({ value, now }: { value: string; now: Date }) {
  const format = useFormatter();
  const timeZone = useTimeZone() ?? 'UTC';
  const date = parseDbTime(value);
  if (date === null) return <span>{value}</span>;
  return (
    <time dateTime={date.toISOString()} title={formatExactTime(date, timeZone)}>
      {format.relativeTime(date, now)}
    </time>
  );
}

/** A database time shown exactly, in the chosen zone, with the relative time on hover. */
export function ExactTime({ value, now }: { value: string; now: Date }) {
  const format = useFormatter();
  const timeZone = useTimeZone() ?? 'UTC';
  const date = parseDbTime(value);
  if (date === null) return <span>{value}</span>;
  return (
    <time dateTime={date.toISOString()} title={format.relativeTime(date, now)} data-testid="exact-time">
      {formatExactTime(date, timeZone)}
    </time>
  );
}

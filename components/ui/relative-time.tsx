import { useLocale, useTimeZone } from 'next-intl';
import { formatExactTime, formatRelativeTime } from '@/lib/domain/format';
import { parseDbTime } from '@/lib/domain/time';

/** A database time relative to `now` in the page's locale; the exact time (in the chosen zone) on hover. */
export function RelativeTime({ value, now }: { value: string; now: Date }) {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? 'UTC';
  const date = parseDbTime(value);
  if (date === null) return <span>{value}</span>;
  return (
    <time dateTime={date.toISOString()} title={formatExactTime(date, timeZone)}>
      {formatRelativeTime(date, now, locale)}
    </time>
  );
}

/** A database time shown exactly, in the chosen zone, with the relative time on hover. */
export function ExactTime({ value, now }: { value: string; now: Date }) {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? 'UTC';
  const date = parseDbTime(value);
  if (date === null) return <span>{value}</span>;
  return (
    <time dateTime={date.toISOString()} title={formatRelativeTime(date, now, locale)} data-testid="exact-time">
      {formatExactTime(date, timeZone)}
    </time>
  );
}

import { useFormatter } from 'next-intl';
import { formatUtcSeconds, parseDbTime } from '@/lib/domain/time';

/** A database time relative to `now` in the page's locale; the exact UTC time on hover and in `dateTime`. */
export function RelativeTime({ value, now }: { value: string; now: Date }) {
  const format = useFormatter();
  const date = parseDbTime(value);
  if (date === null) return <span>{value}</span>;
  return (
    <time dateTime={date.toISOString()} title={formatUtcSeconds(value)}>
      {format.relativeTime(date, now)}
    </time>
  );
}

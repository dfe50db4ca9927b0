import { useLocale, useTimeZone } from 'next-intl';
import { formatExactTime, formatRelativeTime } from '@/lib/domain/format';
import { parseDbTime } from '@/lib/domain/time';

/** A database time, shown relative to `now` in the page's locale or exactly in the chosen zone; the other on hover. */
function DbTime({ value, now, exact }: { value: string; now: Date; exact: boolean }) {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? 'UTC';
  const date = parseDbTime(value);
  if (date === null) return <span>{value}</span>;
  const exactText = formatExactTime(date, timeZone);
  const relativeText = formatRelativeTime(date, now, locale);
  return exact ? (
    <time dateTime={date.toISOString()} title={relativeText} data-testid="exact-time">
      {exactText}
    </time>
  ) : (
    <time dateTime={date.toISOString()} title={exactText}>
      {relativeText}
    </time>
  );
}

/** A database time relative to `now` in the page's locale; the exact time (in the chosen zone) on hover. */
export function RelativeTime({ value, now }: { value: string; now: Date }) {
  return <DbTime value={value} now={now} exact={false} />;
}

/** A database time shown exactly, in the chosen zone, with the relative time on hover. */
export function ExactTime({ value, now }: { value: string; now: Date }) {
  return <DbTime value={value} now={now} exact />;
}

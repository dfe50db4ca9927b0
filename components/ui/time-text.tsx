'use client';

import { useTimeZone } from 'next-intl';
import { formatExactTime } from '@/lib/domain/format';
import type { TimeView } from '@/lib/domain/row-view';

/** A time from a table's rows: relative words (written by the server), the exact time in the page's zone on hover. */
export function TimeText({ time }: { time: TimeView }) {
  const timeZone = useTimeZone() ?? 'UTC';
  if (time.length === 1) return <span>{time[0]}</span>;
  const date = new Date(time[0]);
  return (
    <time dateTime={date.toISOString()} title={formatExactTime(date, timeZone)}>
      {time[1]}
    </time>
  );
}

// Exact times for people: `2026-03-06 20:06:07 UTC`, or in another zone `2026-03-07 05:06:07 Asia/Tokyo`.

export function formatExactTime(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${timeZone === 'UTC' || timeZone === 'Etc/UTC' ? 'UTC' : timeZone}`;
}

/** A duration for people, in the page's locale: `250 ms`, `1.23 s`, `3.5 min`, `2.1 h`. */
export function formatDuration(ms: number, locale: string): string {
  const unit = (value: number, u: string, digits: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  const abs = Math.abs(ms);
  if (abs < 1000) return unit(Math.round(ms), 'millisecond', 0);
  if (abs < 60_000) return unit(ms / 1000, 'second', 2);
  if (abs < 3_600_000) return unit(ms / 60_000, 'minute', 1);
  return unit(ms / 3_600_000, 'hour', 1);
}

/** PostgreSQL interval text (`00:00:00.197491`, `1 day 02:03:04`) in milliseconds; null when it is not one. */
export function parseIntervalMs(value: string | null): number | null {
  if (value === null) return null;
  const m = /^(?:(-?\d+) days? ?)?(-)?(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value.trim());
  if (!m) return null;
  const sign = m[2] ? -1 : 1;
  const days = Number(m[1] ?? 0);
  return days * 86_400_000 + sign * ((Number(m[3]) * 3600 + Number(m[4]) * 60 + Number(m[5])) * 1000);
}

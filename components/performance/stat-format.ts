import { formatDuration, formatNumber } from '@/lib/domain/format';

/** A count, `≈` in front when it comes from a sample. */
export const countText = (value: number, locale: string, approximate: boolean) => `${approximate ? '≈' : ''}${formatNumber(value, locale)}`;

/** A duration in ms, `≈` in front when it comes from a sample; a dash when there is none. */
export const durationText = (ms: number | null, locale: string, approximate: boolean) =>
  ms === null ? '—' : `${approximate ? '≈' : ''}${formatDuration(ms, locale)}`;

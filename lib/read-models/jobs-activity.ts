export const ACTIVITY_HOURS = 24;

export const HOUR_MS = 3_600_000;

export interface QueueHourCount {
  /** The bucket's start (a whole UTC hour). */
  hour: Date;
  queue: string | null;
  count: number;
}

export interface JobsActivity {
  /** The first bucket's start and the last one's end: 24 whole hours, the last being the current one. */
  from: Date;
  to: Date;
  /** Jobs matching the filter per hour and queue (only non-zero counts). */
  counts: QueueHourCount[];
  /** The most jobs read. */
  cap: number;
  /**
   * Null when every job of the period was read (exact counts); else the end of the hour holding the oldest job read:
   * the counts from then on are exact, the ones before it incomplete.
   */
  incompleteBefore: Date | null;
}

import type { BoundedCount } from './bounded-count';

/** The navigation's counts, as GoodJob's navbar shows them; every one bounded (an estimate, marked, above the limit). */
export interface NavCounts {
  jobs: BoundedCount;
  batches: BoundedCount;
  discarded: BoundedCount;
  cronEnabled: number;
  cronDisabled: number;
  processes: number;
  pauses: number;
}

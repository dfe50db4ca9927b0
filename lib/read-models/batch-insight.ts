import type { BatchDurations } from './batch-durations';
import type { ErrorSummary } from './batch-errors';
import type { Timeline } from './batch-timeline';

/** A batch's three insights, each settling on its own (null: that read failed and its part is left out). */
export interface BatchInsight {
  timeline: Promise<Timeline | null>;
  durations: Promise<BatchDurations | null>;
  errors: Promise<ErrorSummary | null>;
}

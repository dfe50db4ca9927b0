/** How many of a batch's jobs the error summary reads (good_job_executions has no batch_id: one probe per job). */
export const ERROR_SUMMARY_SAMPLE = 5_000;

/**
 * A class longer than this is no class name (an error text without ": "): it is shown cut, and not linked to a filter
 * (the filter needs the whole text, and a link that long is refused by servers).
 */
export const CLASS_CHARS = 200;

export type ErrorGroup = {
  error_class: string;
  /** Failed executions of this class. */
  count: number;
  first_seen: string;
  last_seen: string;
  /** The newest message of the class, cut to 500 characters. */
  sample: string;
};

export interface ErrorSummary {
  groups: ErrorGroup[];
  /** The batch has more jobs than the sample: the counts are of the sample (≈). */
  sampled: boolean;
}

/** Above this many rows a count is the planner's estimate, marked as such: no COUNT(*) over millions of rows. */
export const EXACT_COUNT_LIMIT = 10_000;

export interface BoundedCount {
  value: number;
  estimated: boolean;
}

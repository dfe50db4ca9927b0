/** Rows per table at most: the largest groups (by All), shown in name order as GoodJob does. */
export const CLEANER_GROUP_LIMIT = 50;

/** Six counts, GoodJob's columns: All, then the windows of lib/domain/cleaner.ts (CLEANER_WINDOWS), in that order. */
export type CleanerCounts = [number, number, number, number, number, number];

export interface CleanerGroup {
  /** job_class or exception class; null: jobs without a class. When `clipped`, only its first CLEANER_NAME_CHARS + 1 characters. */
  name: string | null;
  clipped: boolean;
  counts: CleanerCounts;
}

export interface CleanerTable {
  groups: CleanerGroup[];
  /** Every job read, whether its group is listed or not (GoodJob's Total row). */
  total: CleanerCounts;
  /** Groups not listed (beyond CLEANER_GROUP_LIMIT). */
  hiddenGroups: number;
}

export interface DiscardSummary {
  byClass: CleanerTable;
  byException: CleanerTable;
  /** The read stopped at the cap, so more discarded jobs may exist: counts in a column that is not `exact` are lower bounds. */
  truncated: boolean;
  /** Per column: every job the column counts was read (always, unless truncated; a window newer than the oldest row read). */
  exact: [boolean, boolean, boolean, boolean, boolean, boolean];
  /** The cap this read used. */
  cap: number;
}

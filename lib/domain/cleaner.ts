// The Discard Cleaner's columns and links (GoodJob's cleaner/index): pure, `now` always an argument.
import { routes } from '../i18n/routes';

/** GoodJob's columns after "All": discards finished within the last … (by finished_at). */
export const CLEANER_WINDOWS = [
  { key: 'last1Hour', ms: 3_600_000 },
  { key: 'last3Hours', ms: 3 * 3_600_000 },
  { key: 'last24Hours', ms: 24 * 3_600_000 },
  { key: 'last3Days', ms: 3 * 86_400_000 },
  { key: 'last7Days', ms: 7 * 86_400_000 },
] as const;

export type CleanerWindowKey = (typeof CLEANER_WINDOWS)[number]['key'];

/** The two groupings: by job_class, and by exception class (lib/domain/error-class.ts). */
export type CleanerKind = 'class' | 'exception';

/** A class or exception longer than this is shown cut, and gets no link or action (see `filterableName`). */
export const CLEANER_NAME_CHARS = 200;

/**
 * The start of each column: null for All, then `now` minus each window. A window holds the jobs finished at or after
 * its start, as the jobs list's `finished_since` filter reads it (GoodJob counts `finished_at > now - interval`; the one
 * instant between the two rules is kept on the side of the link, so that a count and the list it opens agree).
 */
export function cleanerColumnStarts(now: Date): (Date | null)[] {
  return [null, ...CLEANER_WINDOWS.map((w) => new Date(now.getTime() - w.ms))];
}

/**
 * Whether a group's name can be a jobs-list filter that matches exactly that group: not null (a job without a class),
 * not cut, not empty and without spaces at the ends (the filter trims its values; an empty one would match every
 * discarded job, and an action on it would act on all of them).
 */
export function filterableName(name: string | null, clipped: boolean): name is string {
  return name !== null && !clipped && name !== '' && name.trim() === name;
}

/** The jobs list showing a count's jobs: discarded, of the group (none for the Total row), finished since the column's start. */
export function cleanerCountHref(locale: string, kind: CleanerKind, name: string | null, since: Date | null): string {
  return routes.jobs(locale, {
    state: 'discarded',
    job_class: kind === 'class' ? name : null,
    error_class: kind === 'exception' ? name : null,
    finished_since: since?.toISOString() ?? null,
  });
}

/** The bulk action's filter fields for a group (GoodJob's jobs-list parameter names). */
export function cleanerGroupFilter(kind: CleanerKind, name: string): Record<string, string> {
  return kind === 'class' ? { state: 'discarded', job_class: name } : { state: 'discarded', error_class: name };
}

// GoodJob's settings (good_job_settings, one row per key; GoodJob::Setting, v4.19.2), pure: how their JSON reads and
// what GoodJob's own writers leave in it. The commands in lib/commands/setting-commands.ts apply these under a row lock.

export const CRON_KEYS_ENABLED = 'cron_keys_enabled';
export const CRON_KEYS_DISABLED = 'cron_keys_disabled';
export const PAUSES = 'pauses';

/** What can be paused, by GoodJob's parameter name, and the list in the `pauses` JSON that holds it. */
export const PAUSE_KINDS = ['queue', 'job_class', 'label'] as const;
export type PauseKind = (typeof PAUSE_KINDS)[number];
export const PAUSE_LISTS = { queue: 'queues', job_class: 'job_classes', label: 'labels' } as const satisfies Record<PauseKind, string>;

export interface Pauses {
  queues: string[];
  job_classes: string[];
  labels: string[];
}

export const NO_PAUSES: Pauses = { queues: [], job_classes: [], labels: [] };

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `pauses` value as GoodJob::Setting.paused reads it: a missing list is empty. */
export function readPauses(value: unknown): Pauses {
  if (!isObject(value)) return NO_PAUSES;
  return { queues: strings(value.queues), job_classes: strings(value.job_classes), labels: strings(value.labels) };
}

export const pauseCount = (pauses: Pauses) => pauses.queues.length + pauses.job_classes.length + pauses.labels.length;

/** A write's result: the value to store, or null when GoodJob would not save (nothing changes). */
export type SettingChange<T> = { value: T; changed: boolean } | { value: null; changed: false; invalid: true };

/**
 * GoodJob::Setting.pause: a new row starts as all three lists empty; the kind's list is created if missing; the value
 * is appended unless it is there already. Other keys of the JSON are kept.
 */
export function withPause(current: unknown | undefined, kind: PauseKind, name: string): SettingChange<Record<string, unknown>> {
  if (current !== undefined && !isObject(current)) return { value: null, changed: false, invalid: true };
  const base: Record<string, unknown> = current ?? { queues: [], job_classes: [], labels: [] };
  const list = PAUSE_LISTS[kind];
  const items = base[list] ?? [];
  if (!Array.isArray(items)) return { value: null, changed: false, invalid: true };
  if (items.includes(name)) return { value: base, changed: false };
  return { value: { ...base, [list]: [...items, name] }, changed: true };
}

/** GoodJob::Setting.unpause: the value leaves its list (the list stays, empty or not); no row, no change. */
export function withoutPause(current: unknown | undefined, kind: PauseKind, name: string): SettingChange<Record<string, unknown>> {
  if (current === undefined) return { value: {}, changed: false };
  if (!isObject(current)) return { value: null, changed: false, invalid: true };
  const list = PAUSE_LISTS[kind];
  const items = current[list];
  if (!Array.isArray(items) || !items.includes(name)) return { value: current, changed: false };
  return { value: { ...current, [list]: items.filter((item) => item !== name) }, changed: true };
}

/** Cron lists (`cron_keys_enabled` / `cron_keys_disabled`): GoodJob appends a key once and deletes every copy. */
export function withCronKey(current: unknown | undefined, key: string): SettingChange<unknown[]> {
  if (current !== undefined && !Array.isArray(current)) return { value: null, changed: false, invalid: true };
  const items = current ?? [];
  return items.includes(key) ? { value: items, changed: false } : { value: [...items, key], changed: true };
}

export function withoutCronKey(current: unknown | undefined, key: string): SettingChange<unknown[]> {
  if (current === undefined) return { value: [], changed: false };
  if (!Array.isArray(current)) return { value: null, changed: false, invalid: true };
  return current.includes(key) ? { value: current.filter((item) => item !== key), changed: true } : { value: current, changed: false };
}

/**
 * A cron entry's enabled state as GoodJob computes it (Setting.cron_key_enabled?), given that `enabled_by_default`
 * lives in the Rails app's configuration: disabled when listed as disabled; enabled when listed as enabled; otherwise
 * whatever the entry's `enabled_by_default` says (true unless configured otherwise).
 */
export type CronEnabledState = 'enabled' | 'disabled' | 'default';

export function cronEnabledState(key: string, enabledList: unknown, disabledList: unknown): CronEnabledState {
  if (strings(disabledList).includes(key)) return 'disabled';
  if (strings(enabledList).includes(key)) return 'enabled';
  return 'default';
}

/** Why a job waiting to run is held back by a pause (GoodJob's Job.exclude_paused), or null. */
export function pauseReason(job: { queue_name: string | null; job_class: string | null; labels: readonly string[] | null }, pauses: Pauses): { kind: PauseKind; value: string } | null {
  if (job.queue_name !== null && pauses.queues.includes(job.queue_name)) return { kind: 'queue', value: job.queue_name };
  if (job.job_class !== null && pauses.job_classes.includes(job.job_class)) return { kind: 'job_class', value: job.job_class };
  const label = job.labels?.find((l) => pauses.labels.includes(l));
  return label === undefined ? null : { kind: 'label', value: label };
}

/** What a page needs to mark paused jobs: the pauses, and whether the workers are known to honour them. */
export interface PauseMarking {
  pauses: Pauses;
  /** GOOD_JOB_ENABLE_PAUSES says the workers honour pauses (otherwise: "paused if workers enable pauses"). */
  certain: boolean;
}

/** The marking for a pauses mode (see lib/config.ts pausesMode); null when pauses are off: nothing is marked. */
export function pauseMarking(pauses: Pauses, mode: 'on' | 'off' | 'unknown'): PauseMarking | null {
  return mode === 'off' ? null : { pauses, certain: mode === 'on' };
}

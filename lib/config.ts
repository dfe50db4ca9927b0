// Settings read from the environment at request time.

/** An on/off setting: `1`, `true` or `yes` (any case) turn it on. */
export const isOn = (value: string | undefined) => ['1', 'true', 'yes'].includes((value ?? '').toLowerCase());

export function isReadOnly(): boolean {
  return isOn(process.env.DASHBOARD_READ_ONLY);
}


/**
 * Whether GoodJob's workers honour pauses, as GoodJob reads GOOD_JOB_ENABLE_PAUSES (ActiveModel's boolean cast; off by
 * default, and the Rails app may set it in code instead): `unknown` when the variable is unset, so a paused job is
 * marked "paused if workers enable pauses"; `off` shows no pause markers.
 */
export function pausesMode(value = process.env.GOOD_JOB_ENABLE_PAUSES): 'on' | 'off' | 'unknown' {
  if (value === undefined || value === '') return 'unknown';
  return ['0', 'f', 'false', 'off'].includes(value.trim().toLowerCase()) ? 'off' : 'on';
}

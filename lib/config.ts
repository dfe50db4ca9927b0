// Settings read from the environment at request time.

/** An on/off setting: `1`, `true` or `yes` (any case) turn it on. */
export const isOn = (value: string | undefined) => ['1', 'true', 'yes'].includes((value ?? '').toLowerCase());

export function isReadOnly(): boolean {
  return isOn(process.env.DASHBOARD_READ_ONLY);
}


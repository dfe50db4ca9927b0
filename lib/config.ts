// Settings read from the environment at request time.
export function isReadOnly(): boolean {
  return ['1', 'true', 'yes'].includes((process.env.DASHBOARD_READ_ONLY ?? '').toLowerCase());
}


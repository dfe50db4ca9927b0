// Settings read from the environment at request time.
export function isReadOnly(): boolean {
  return ['1', 'true', 'yes'].includes((process.env.DASHBOARD_READ_ONLY ?? '').toLowerCase());
}

/** The request header that carries the signed-in user from the proxy to the app (the proxy drops any a client sends). */
export const USER_HEADER = 'x-dashboard-user';

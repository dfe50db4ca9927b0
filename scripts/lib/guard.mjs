// Refuses to serve the dashboard to the network without sign-in, unless told so explicitly.

export function isLoopbackHost(host) {
  const h = String(host).trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** null when it may start; otherwise the reason it may not. */
export function exposureProblem(env) {
  const host = env.HOSTNAME ?? '127.0.0.1';
  if (isLoopbackHost(host)) return null;
  if (env.DASHBOARD_USERNAME && env.DASHBOARD_PASSWORD) return null;
  if ((env.DASHBOARD_AUTH ?? '').toLowerCase() === 'none') return null;
  return (
    `Refusing to listen on ${host} without sign-in: anyone who can reach it could discard or destroy jobs.\n` +
    'Set DASHBOARD_USERNAME and DASHBOARD_PASSWORD, or listen on 127.0.0.1 behind your own authentication,\n' +
    'or set DASHBOARD_AUTH=none if something in front of the dashboard already signs people in.'
  );
}

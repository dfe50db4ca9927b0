// Refuses to serve the dashboard to the network without sign-in, unless told so explicitly.

export function isLoopbackHost(host) {
  const h = String(host).trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** null when it may start; otherwise the reason it may not. */
export function exposureProblem(env) {
  const host = env.HOSTNAME ?? '127.0.0.1';
  const signIn = Boolean(env.DASHBOARD_USERNAME && env.DASHBOARD_PASSWORD);
  const authNone = (env.DASHBOARD_AUTH ?? '').toLowerCase() === 'none';
  if (authNone && !signIn && (env.DASHBOARD_ALLOWED_HOSTS ?? '').trim() === '') {
    return (
      'DASHBOARD_AUTH=none also needs DASHBOARD_ALLOWED_HOSTS: the host names your front end forwards (e.g. jobs.example.com).\n' +
      'Without sign-in the dashboard answers only to the names it is told, so no other site can reach it through DNS rebinding.'
    );
  }
  if (isLoopbackHost(host) || signIn || authNone) return null;
  return (
    `Refusing to listen on ${host} without sign-in: anyone who can reach it could discard or destroy jobs.\n` +
    'Set DASHBOARD_USERNAME and DASHBOARD_PASSWORD, or listen on 127.0.0.1 behind your own authentication,\n' +
    'or set DASHBOARD_AUTH=none and DASHBOARD_ALLOWED_HOSTS if something in front of the dashboard already signs people in.'
  );
}

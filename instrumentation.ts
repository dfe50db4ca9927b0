// Runs once when a server of the built app prepares, before it answers any request (Next calls register()): it checks
// every setting (lib/env.ts) and publishes — at once, as a promise, since Next need not wait for register() to finish
// before its prepare() resolves — what the production server (scripts/server/serve.mjs) awaits before it listens: the
// problems, if any (the server then stops), else its own settings and the app's rules for its edge
// (lib/edge/policy.ts). Under `next dev`, a bad setting stops the dev server here.
const SERVER_START = Symbol.for('goodjob-dashboard.server-start');

async function serverStart() {
  const { configProblems, serverSettings } = await import('./lib/env');
  const problems = configProblems();
  if (problems.length > 0) {
    if (process.env.NODE_ENV === 'development') throw new Error(`The dashboard cannot start:\n${problems.join('\n')}`);
    return { problems };
  }
  const { createEdgePolicy } = await import('./lib/edge/policy');
  return { problems, settings: serverSettings(), policy: createEdgePolicy() };
}

export function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const start = serverStart();
  (globalThis as Record<symbol, unknown>)[SERVER_START] = start;
  return start;
}

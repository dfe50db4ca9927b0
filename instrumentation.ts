// Runs once when a server of the built app starts, before it answers any request (Next calls register()).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  // `next build` may load this file while it prerenders: no server is starting then.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startWithoutServeScript } = await import('./lib/standalone');
  startWithoutServeScript();
}

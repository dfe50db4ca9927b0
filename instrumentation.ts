// Runs once when a server of the built app prepares, before it answers any request (Next calls register()): it
// publishes the app's rules for the production server's edge (lib/edge/policy.ts), which scripts/server/serve.mjs
// takes once Next is prepared.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { EDGE_POLICY, createEdgePolicy } = await import('./lib/edge/policy');
  (globalThis as Record<symbol, unknown>)[EDGE_POLICY] = createEdgePolicy();
}

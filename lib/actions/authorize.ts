import 'server-only';
import { headers } from 'next/headers';
import { callerVerdict } from '../edge/gate';
import { gateSettings } from '../env';

/** Who asked: the signed-in user (null with sign-in off) and the client's address, for the audit line. */
export interface Caller {
  user: string | null;
  client: string | null;
}

/**
 * Every server action's own gate, on top of the proxy's: the Host and the `Authorization` header of this very request,
 * checked with the proxy's rules. Never a header the proxy sets — a path that skipped the proxy would let a client
 * forge it — so a routing mistake cannot reach a command.
 */
export async function authorizeAction(): Promise<{ ok: boolean; caller: Caller }> {
  const h = await headers();
  const verdict = callerVerdict(h, gateSettings());
  // X-Forwarded-For's first hop: the peer's address as our server wrote it (scripts/server/serve.mjs), or the first hop a
  // trusted proxy sent (DASHBOARD_TRUST_PROXY=1).
  const client = h.get('x-forwarded-for')?.split(',')[0]?.trim() || null;
  return { ok: verdict.ok, caller: { user: verdict.ok ? verdict.user : null, client } };
}

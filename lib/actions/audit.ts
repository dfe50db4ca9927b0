import 'server-only';
import { headers } from 'next/headers';
import { USER_HEADER } from '../config';

/**
 * One JSON line per dashboard action on standard output, done or refused: time, signed-in user, action, job or batch,
 * outcome and client address (the first X-Forwarded-For hop, as set by Next's server or a proxy in front of it).
 */
export async function logAction(entry: { action: string; jobId?: string; batchId?: string; outcome: string }): Promise<void> {
  const h = await headers();
  const user = h.get(USER_HEADER);
  const client = h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || null;
  console.log(JSON.stringify({ time: new Date().toISOString(), event: 'dashboard_action', user, ...entry, client }));
}

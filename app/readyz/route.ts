// Readiness: the database answers within a short timeout and holds GoodJob's tables (503 otherwise). Status text only;
// public (lib/edge/gate.ts).
import { databaseReady } from '@/lib/db/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const ready = await databaseReady();
  return new Response(ready ? 'ready\n' : 'not ready: the database is unreachable or lacks GoodJob\'s tables\n', {
    status: ready ? 200 : 503,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

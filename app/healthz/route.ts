// Liveness for load balancers and Kubernetes: the process answers. Touches no database; public (lib/edge/gate.ts).
export const dynamic = 'force-dynamic';

export function GET() {
  return new Response('ok\n', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

// Prometheus' scrape target: GoodJob's numbers (read at most once per 5 s, lib/metrics/goodjob-metrics.ts) and the
// dashboard's own. Outside [locale]; under BASE_PATH when one is set. Who may read it: proxy.ts (a Bearer token when
// DASHBOARD_METRICS_TOKEN is set, else the pages' own gate).
import { readDb } from '@/lib/db/read';
import { registerDashboardMetrics } from '@/lib/telemetry/dashboard-metrics';
import { refreshGoodJobMetrics } from '@/lib/metrics/goodjob-metrics';
import { metricsRegistry } from '@/lib/telemetry/registry';

export const dynamic = 'force-dynamic';

export async function GET() {
  registerDashboardMetrics();
  await refreshGoodJobMetrics(readDb);
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}

// The one Prometheus registry of the process, and the metrics registered in it, kept on globalThis: Next bundles the
// proxy and each route handler separately (each with its own copy of this module, maybe of prom-client), so what the
// proxy counts must land in the very objects the /metrics route renders. No 'server-only' here: the proxy imports it.
import { collectDefaultMetrics, Registry } from 'prom-client';

const KEY = Symbol.for('goodjob-dashboard.metrics');

interface Store {
  registry: Registry;
  metrics: Map<string, unknown>;
}

/**
 * Default process metrics that promtool's lint refuses (a gauge named `…_total`, which is a counter's suffix): the
 * same numbers stay available as `nodejs_active_handles{type}`, `nodejs_active_requests{type}` and
 * `nodejs_active_resources{type}`.
 */
const LINT_FAILING_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

function store(): Store {
  const holder = globalThis as unknown as Record<symbol, Store | undefined>;
  let current = holder[KEY];
  if (!current) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    for (const name of LINT_FAILING_DEFAULTS) registry.removeSingleMetric(name);
    current = { registry, metrics: new Map() };
    holder[KEY] = current;
  }
  return current;
}

/** The registry GET /metrics renders. */
export function metricsRegistry(): Registry {
  return store().registry;
}

/**
 * A metric (or any per-process state) made once per process under `name`, registered in metricsRegistry() by `make`;
 * later callers, from any bundle, get the same object.
 */
export function shared<T>(name: string, make: (registry: Registry) => T): T {
  const { registry, metrics } = store();
  if (!metrics.has(name)) metrics.set(name, make(registry));
  return metrics.get(name) as T;
}

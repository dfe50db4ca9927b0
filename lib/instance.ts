import { hostname } from 'node:os';

/**
 * Which dashboard process this is, for its audit lines when several run behind a load balancer: DASHBOARD_INSTANCE,
 * else the host name and process id (a container's host name is its id).
 */
export function instanceName(): string {
  return process.env.DASHBOARD_INSTANCE || `${hostname()}:${process.pid}`;
}

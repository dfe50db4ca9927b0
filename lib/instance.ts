import { defaultInstance } from './edge/log.mjs';
import { setting } from './env';

/**
 * Which dashboard process this is, for its log and audit lines when several run behind a load balancer:
 * DASHBOARD_INSTANCE, else the host name and process id (a container's host name is its id).
 */
export function instanceName(): string {
  return setting('DASHBOARD_INSTANCE') || defaultInstance();
}

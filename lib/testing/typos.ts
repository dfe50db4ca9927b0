/** The typos issue #31 found in settings: each alone must stop the server before it listens, naming the variable (lib/env.test.ts, e2e/settings.spec.ts, e2e/standalone.spec.ts). */
export const TYPOS: Record<string, string> = {
  DASHBOARD_MAX_CONCURRENCY: 'eight',
  DASHBOARD_PAGE_DEADLINE_MS: '8s',
  DATABASE_STATEMENT_TIMEOUT_MS: '5s',
  DATABASE_POOL_SIZE: '0',
  GOOD_JOB_ADVISORY_LOCK_HASH: 'crc32',
  DASHBOARD_BATCH_LOCK_TIMEOUT: 'soon',
  DASHBOARD_QUEUE_WAIT_MS: '-1',
  DASHBOARD_HEAP_MB: 'lots',
};

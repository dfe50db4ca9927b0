import type { CronEnabledState } from '../domain/settings';

export interface CronEntry {
  cron_key: string;
  enabled: CronEnabledState;
  /** The key's newest run (GoodJob's CronEntry#last_job order: cron_at DESC NULLS LAST). */
  last: {
    id: string;
    job_class: string | null;
    queue_name: string | null;
    priority: number | null;
    labels: string[] | null;
    cron_at: string | null;
    created_at: string;
    scheduled_at: string | null;
    performed_at: string | null;
    finished_at: string | null;
    error: string | null;
  };
  runs24h: number;
  failures24h: number;
  /** The 24 h counts stopped at CRON_RUN_COUNT_CAP. */
  capped: boolean;
}

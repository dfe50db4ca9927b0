// The sample alert rules (docs/prometheus-alerts.yml): valid for promtool, and each alert fires when — and only when —
// its metrics say so (promtool test rules on made-up series). Needs promtool (Debian: apt-get install prometheus).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../testing/scratch-db';

const RULES = join(ROOT, 'docs/prometheus-alerts.yml');
const dir = mkdtempSync(join(tmpdir(), 'gjd-alerts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function promtool(args: string[]): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { encoding: 'utf8' });
  if (run.error) throw new Error(`promtool did not run (${run.error.message}): on Debian, apt-get install prometheus`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const JOB = { job: 'goodjob-dashboard', instance: 'dash:3000' };
const series = (name: string, labels: Record<string, string>, values: string) => ({
  series: `${name}{${Object.entries({ ...JOB, ...labels }).map(([k, v]) => `${k}="${v}"`).join(', ')}}`,
  values,
});
const firing = (alertname: string, at: string, labels: Record<string, string>, annotations: Record<string, string>) => ({
  eval_time: at,
  alertname,
  exp_alerts: [{ exp_labels: { ...labels }, exp_annotations: annotations }],
});
const quiet = (alertname: string, at: string) => ({ eval_time: at, alertname, exp_alerts: [] });

/** promtool's unit tests, one minute per sample: `0 700x10` is 0, then 700 for ten more minutes. */
const TESTS = {
  rule_files: [RULES],
  evaluation_interval: '1m',
  tests: [
    {
      interval: '1m',
      input_series: [
        series('goodjob_oldest_queued_job_age_seconds', { queue: 'default' }, '0 0 700x10'),
        series('goodjob_oldest_queued_job_age_seconds', { queue: 'mice' }, '0 590x11'),
        // A second dashboard replica reports the same queue: still one alert, with the larger age.
        series('goodjob_oldest_queued_job_age_seconds', { queue: 'default', instance: 'dash-2:3000' }, '0 0 650x10'),
        // A replica whose read failed drops its GoodJob series (a stale marker): the others' numbers count.
        series('goodjob_active_processes', { instance: 'dash-2:3000' }, '1 1 stale'),
        series('goodjob_discarded_jobs_last_hour', {}, '0 5 11x10'),
        series('goodjob_active_processes', {}, '1 1 0x10'),
        series('goodjob_scrape_ok', {}, '1 1 0x10'),
        series('up', {}, '1 1 0x10'),
      ],
      alert_rule_test: [
        quiet('GoodJobQueueLatencyHigh', '6m'),
        firing('GoodJobQueueLatencyHigh', '8m', { queue: 'default', severity: 'warning' }, {
          summary: 'GoodJob queue default: a job has waited 11m 40s',
          description: 'The oldest queued job of queue default became due more than 10 minutes ago and has not started, for 5 minutes now.',
        }),
        quiet('GoodJobDiscardedJobsRising', '2m'),
        firing('GoodJobDiscardedJobsRising', '4m', { severity: 'warning' }, {
          summary: 'GoodJob: 11 jobs discarded in the last hour',
          description: 'More than 10 jobs finished with an error in the last hour: look at the discarded jobs in the dashboard.',
        }),
        quiet('GoodJobNoActiveProcess', '6m'),
        firing('GoodJobNoActiveProcess', '8m', { severity: 'critical' }, {
          summary: 'GoodJob: no active worker process for 5 minutes',
          description: 'No GoodJob process is active: jobs are not being performed.',
        }),
        quiet('GoodJobMetricsReadFailing', '6m'),
        firing('GoodJobMetricsReadFailing', '8m', { ...JOB, severity: 'warning' }, {
          summary: "GoodJob dashboard dash:3000 cannot read GoodJob's tables",
          description: 'goodjob_scrape_ok has been 0 for 5 minutes: the GoodJob numbers are missing. The dashboard logs why.',
        }),
        quiet('GoodJobDashboardScrapeFailing', '6m'),
        firing('GoodJobDashboardScrapeFailing', '8m', { ...JOB, severity: 'warning' }, {
          summary: 'GoodJob dashboard metrics cannot be scraped',
          description: 'Prometheus has not scraped the goodjob-dashboard job for 5 minutes (check the target, its token and its Host).',
        }),
      ],
    },
    {
      // No target at all (a typo in the job name, the dashboard never deployed): absent() fires.
      interval: '1m',
      input_series: [series('goodjob_active_processes', {}, '1x10')],
      alert_rule_test: [
        quiet('GoodJobDashboardScrapeFailing', '4m'),
        firing('GoodJobDashboardScrapeFailing', '6m', { job: 'goodjob-dashboard', severity: 'warning' }, {
          summary: 'GoodJob dashboard metrics cannot be scraped',
          description: 'Prometheus has not scraped the goodjob-dashboard job for 5 minutes (check the target, its token and its Host).',
        }),
        quiet('GoodJobNoActiveProcess', '9m'),
      ],
    },
  ],
};

describe('docs/prometheus-alerts.yml', () => {
  it('passes promtool check rules, lint included', () => {
    const { status, output } = promtool(['check', 'rules', '--lint=all', '--lint-fatal', RULES]);
    expect(status, output).toBe(0);
    expect(output).toMatch(/SUCCESS: 5 rules found/);
  });

  it('fires each alert when its metrics say so, and not before (promtool test rules)', () => {
    const file = join(dir, 'alerts.test.yml');
    writeFileSync(file, JSON.stringify(TESTS, null, 2)); // JSON is YAML
    const { status, output } = promtool(['test', 'rules', file]);
    expect(status, output).toBe(0);
  });
});

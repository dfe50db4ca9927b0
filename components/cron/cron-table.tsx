import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { JobStatusBadge } from '@/components/jobs/job-status-badge';
import { Breakable } from '@/components/ui/breakable';
import { cellLabels } from '@/components/ui/cell-labels';
import { Pills } from '@/components/ui/pills';
import { RelativeTime } from '@/components/ui/relative-time';
import { jobStatus } from '@/lib/domain/job-state';
import type { CronEntry } from '@/lib/read-models/cron';
import { CronActions } from './cron-actions';
import { CronStateBadge } from './cron-state-badge';
import { routes } from '@/lib/i18n/routes';


/** One row per cron key: what the key runs, its enabled state, its last run and its last 24 hours. */
export function CronTable({ entries, locale, now, actionsEnabled }: { entries: CronEntry[]; locale: string; now: Date; actionsEnabled: boolean }) {
  const t = useTranslations('Cron');
  return (
    <div className="table-wrap">
      <table className="cron-table stack-table" data-testid="cron" style={cellLabels({ queue: t('queue'), runs: t('runs24h'), failures: t('failures24h') })}>
        <thead>
          <tr>
            <th scope="col">{t('key')}</th>
            <th scope="col">{t('enabledState')}</th>
            <th scope="col">{t('queue')}</th>
            <th scope="col">{t('lastRun')}</th>
            <th scope="col" className="num">
              {t('runs24h')}
            </th>
            <th scope="col" className="num">
              {t('failures24h')}
            </th>
            <th scope="col" className="actions-col">
              <span className="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const status = jobStatus(entry.last, now);
            return (
              <tr key={entry.cron_key} data-cron-key={entry.cron_key}>
                <th scope="row" className="job-cell cell-key">
                  <Link className="job-class" href={routes.cronKey(locale, entry.cron_key)}>
                    <Breakable name={entry.cron_key} />
                  </Link>
                  <span className="mono muted">
                    <Breakable name={entry.last.job_class} />
                  </span>
                  <Pills values={entry.last.labels} hrefFor={(label) => routes.jobs(locale, { label })} />
                </th>
                <td className="cell-state">
                  <CronStateBadge state={entry.enabled} />
                </td>
                <td className="queue cell-queue">
                  <Breakable name={entry.last.queue_name} />
                </td>
                <td className="status-cell cell-last">
                  <Link href={routes.job(locale, entry.last.id)} className="last-run">
                    <JobStatusBadge status={status} />
                  </Link>
                  <RelativeTime value={entry.last.cron_at ?? entry.last.created_at} now={now} />
                </td>
                <td className="num cell-runs">{entry.capped ? `${entry.runs24h}+` : entry.runs24h}</td>
                <td className="num cell-failures">
                  <span className={entry.failures24h > 0 ? 'attempts attempts-attention' : 'attempts'}>{entry.failures24h}</span>
                </td>
                <td className="actions-col">{actionsEnabled ? <CronActions cronKey={entry.cron_key} jobClass={entry.last.job_class ?? ''} enabled={entry.enabled} /> : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

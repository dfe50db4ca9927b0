import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { routes } from '@/lib/i18n/routes';
import type { CronEntry } from '@/lib/read-models/cron';
import { CronActions } from './cron-actions';
import { CronStateBadge } from './cron-state-badge';

/** A cron key's page head: back to the list, the key with its state and actions, and what its newest run says of it. */
export function CronKeyHeader({ cronKey, entry, locale, actionsEnabled }: { cronKey: string; entry: CronEntry; locale: string; actionsEnabled: boolean }) {
  const t = useTranslations('Cron');
  const facts = [
    { label: t('jobClass'), value: entry.last.job_class, mono: true },
    { label: t('queue'), value: entry.last.queue_name, mono: true },
    { label: t('priority'), value: entry.last.priority, mono: false },
    { label: t('runs24h'), value: entry.capped ? `${entry.runs24h}+` : entry.runs24h, mono: false },
    { label: t('failures24h'), value: entry.failures24h, mono: false },
  ];
  return (
    <header className="page-header">
      <p>
        <Link href={routes.cron(locale)} className="back-link">
          ← {t('back')}
        </Link>
      </p>
      <div className="title-row">
        <h1>
          <span className="job-class">{cronKey}</span>
        </h1>
        <CronStateBadge state={entry.enabled} />
        {actionsEnabled ? <CronActions cronKey={cronKey} jobClass={entry.last.job_class ?? ''} enabled={entry.enabled} /> : null}
      </div>
      <dl className="facts" data-testid="cron-facts">
        {facts.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd className={fact.mono ? 'mono' : undefined}>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

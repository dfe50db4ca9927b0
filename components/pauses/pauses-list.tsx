import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { pauseAction } from '@/lib/actions/setting-actions';
import { PAUSE_KINDS, PAUSE_LISTS, type Pauses } from '@/lib/domain/settings';
import { routes } from '@/lib/i18n/routes';

const FILTER_PARAM = { queue: 'queue', job_class: 'job_class', label: 'label' } as const;

/** The pauses by kind (a kind with none is left out, as GoodJob's page does), each with its waiting jobs and Resume. */
export function PausesList({ pauses, actionsEnabled }: { pauses: Pauses; actionsEnabled: boolean }) {
  const t = useTranslations('Pauses');
  const confirm = useTranslations('ConfirmAction');
  const locale = useLocale();
  return PAUSE_KINDS.filter((kind) => pauses[PAUSE_LISTS[kind]].length > 0).map((kind) => (
    <section key={kind} className="card" aria-labelledby={`paused-${kind}`} data-testid={`paused-${kind}`}>
      <h2 id={`paused-${kind}`}>{t(`group_${kind}`)}</h2>
      <ul className="pause-list">
        {pauses[PAUSE_LISTS[kind]].map((value) => (
          <li key={value} data-paused-value={value}>
            <span className="mono">{value}</span>
            <Link href={routes.jobs(locale, { [FILTER_PARAM[kind]]: value, paused: '1' })}>{t('waitingJobs')}</Link>
            {actionsEnabled ? (
              <ActionForm
                serverAction={pauseAction}
                fields={{ action: 'resume', kind, value, locale }}
                label={t('resume')}
                question={confirm('resume', { kind, value })}
                testId="pause-resume"
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  ));
}

import { useLocale, useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { cronAction } from '@/lib/actions/setting-actions';
import type { CronEnabledState } from '@/lib/domain/settings';

/**
 * Enable or Disable (the one that changes something) and Run now, each a plain form behind a confirmation. Rendered on
 * the server: only the forms are client islands, and their words arrive as props.
 */
export function CronActions({ cronKey, jobClass, enabled }: { cronKey: string; jobClass: string; enabled: CronEnabledState }) {
  const t = useTranslations('Cron');
  const confirm = useTranslations('ConfirmAction');
  const locale = useLocale();
  const toggle = enabled === 'disabled' ? 'cronEnable' : 'cronDisable';
  return (
    <div className="row-actions">
      <ActionForm
        serverAction={cronAction}
        fields={{ action: toggle, cronKey, locale }}
        label={toggle === 'cronEnable' ? t('enable') : t('disable')}
        question={confirm(toggle, { key: cronKey })}
        testId={toggle === 'cronEnable' ? 'cron-enable' : 'cron-disable'}
      />
      <ActionForm
        serverAction={cronAction}
        fields={{ action: 'cronRunNow', cronKey, locale }}
        label={t('runNow')}
        question={confirm('cronRunNow', { key: cronKey, jobClass })}
        testId="cron-run-now"
      />
    </div>
  );
}

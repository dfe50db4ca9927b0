import { getTranslations } from 'next-intl/server';
import type { IndexAdvice } from '@/lib/domain/indexes';
import { DismissableNotice } from './ui/dismissable-notice';

/** Names the indexes the dashboard relies on that this database lacks, with the statements that create them. */
export async function HealthNotice({ advice }: { advice: Promise<IndexAdvice[]> }) {
  const missing = await advice;
  if (missing.length === 0) return null;
  const t = await getTranslations('HealthNotice');
  const required = missing.filter((m) => !m.suggestion);
  const suggested = missing.filter((m) => m.suggestion);
  return (
    <DismissableNotice id={missing.map((m) => m.name).join(',')} dismissLabel={t('dismiss')}>
      <strong>{t('title', { count: missing.length })}</strong>
      {required.length > 0 ? <p>{t('body')}</p> : null}
      {required.length > 0 ? <pre className="json">{required.map((m) => m.create).join('\n')}</pre> : null}
      {suggested.length > 0 ? <p>{t('suggestion')}</p> : null}
      {suggested.length > 0 ? <pre className="json">{suggested.map((m) => m.create).join('\n')}</pre> : null}
      <p className="muted">{t('never')}</p>
    </DismissableNotice>
  );
}

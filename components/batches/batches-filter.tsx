import { useTranslations } from 'next-intl';
import Form from 'next/form';
import Link from 'next/link';
import { ApplyOnChange } from '@/components/ui/apply-on-change';
import { BATCH_STATES, type BatchState } from '@/lib/domain/batch-state';
import type { BoundedCount } from '@/lib/queries/bounded-count';

/** A plain GET form: works without JavaScript, and the filters live in the URL. */
export function BatchesFilter({ locale, state, search, count }: { locale: string; state: BatchState | null; search: string | null; count: BoundedCount }) {
  const t = useTranslations('BatchesPage');
  const states = useTranslations('BatchState');
  return (
    <div className="list-head">
      <h1>{t('title')}</h1>
      <p className="count" data-testid="batches-count">
        {count.estimated ? t('countEstimated', { count: count.value }) : t('count', { count: count.value })}
      </p>
      <Form className="filters" role="search" aria-label={t('filters')} action={`/${locale}/batches`}>
        <label>
          <span>{t('state')}</span>
          <select name="state" defaultValue={state ?? ''} data-testid="state-filter">
            <option value="">{t('allStates')}</option>
            {BATCH_STATES.map((s) => (
              <option key={s} value={s}>
                {states(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="search-field">
          <span>{t('search')}</span>
          <input type="search" name="q" defaultValue={search ?? ''} placeholder={t('searchPlaceholder')} maxLength={200} data-testid="search" />
        </label>
        <ApplyOnChange />
        <button type="submit" className="button">
          {t('apply')}
        </button>
        {state || search ? <Link href={`/${locale}/batches`}>{t('clear')}</Link> : null}
      </Form>
    </div>
  );
}

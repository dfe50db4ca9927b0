import { useTranslations } from 'next-intl';
import Form from 'next/form';
import Link from 'next/link';
import { ApplyOnChange } from '@/components/ui/apply-on-change';
import type { BatchListQuery } from '@/lib/domain/batch-filter';
import { BATCH_STATES } from '@/lib/domain/batch-state';
import type { BoundedCount } from '@/lib/read-models/bounded-count';
import { routes } from '@/lib/i18n/routes';

interface Props {
  locale: string;
  filter: BatchListQuery['filter'];
  /** The created-at bounds as wall-clock time in `timeZone`. */
  inputs: BatchListQuery['inputs'];
  timeZone: string;
  /** The callback classes to offer (from the newest batches). */
  callbacks: readonly string[];
  count: BoundedCount;
}

/** A datetime-local value with seconds or milliseconds needs a finer step, or the browser refuses to submit it. */
const stepOf = (value: string | null) => (value && /\.\d/.test(value) ? 0.001 : value && value.length > 16 ? 1 : undefined);

/** A plain GET form: works without JavaScript, and the filters live in the URL. */
export function BatchesFilter({ locale, filter, inputs, timeZone, callbacks, count }: Props) {
  const t = useTranslations('BatchesPage');
  const states = useTranslations('BatchState');
  const zone = timeZone === 'Etc/UTC' ? 'UTC' : timeZone;
  const { state, search, callback } = filter;
  const active = state || search || callback || filter.createdAfter || filter.createdBefore;
  return (
    <div className="list-head">
      <h1>{t('title')}</h1>
      <p className="count" data-testid="batches-count">
        {count.estimated ? t('countEstimated', { count: count.value }) : t('count', { count: count.value })}
      </p>
      <Form className="filters" role="search" aria-label={t('filters')} action={routes.batches(locale)}>
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
        <label>
          <span>{t('callback')}</span>
          <select name="callback" defaultValue={callback ?? ''} data-testid="callback-filter">
            <option value="">{t('allCallbacks')}</option>
            {callback && !callbacks.includes(callback) ? <option value={callback}>{callback}</option> : null}
            {callbacks.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('createdAfter', { zone })}</span>
          <input type="datetime-local" name="created_after" defaultValue={inputs.createdAfter ?? ''} step={stepOf(inputs.createdAfter)} data-testid="created-after" />
        </label>
        <label>
          <span>{t('createdBefore', { zone })}</span>
          <input type="datetime-local" name="created_before" defaultValue={inputs.createdBefore ?? ''} step={stepOf(inputs.createdBefore)} data-testid="created-before" />
        </label>
        <label className="search-field">
          <span>{t('search')}</span>
          <input type="search" name="q" defaultValue={search ?? ''} placeholder={t('searchPlaceholder')} maxLength={200} data-testid="search" />
        </label>
        <ApplyOnChange />
        <button type="submit" className="button">
          {t('apply')}
        </button>
        {active ? <Link href={routes.batches(locale)}>{t('clear')}</Link> : null}
      </Form>
    </div>
  );
}

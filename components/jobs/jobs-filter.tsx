import { useTranslations } from 'next-intl';
import Form from 'next/form';
import Link from 'next/link';
import { ApplyOnChange } from '@/components/ui/apply-on-change';
import type { JobFilter } from '@/lib/domain/job-filter';
import type { Facets } from '@/lib/read-models/jobs';
import type { Facet } from '@/lib/read-models/jobs';
import { routes } from '@/lib/i18n/routes';

function FacetSelect({ name, label, value, options, estimated, testId }: { name: string; label: string; value: string | null; options: Facet[]; estimated: boolean; testId: string }) {
  const t = useTranslations('JobsPage');
  const known = value === null || options.some((o) => o.value === value);
  return (
    <label>
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ''} data-testid={testId}>
        <option value="">{t('any')}</option>
        {known ? null : <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {estimated ? t('facetOptionEstimated', { value: o.value, count: o.count }) : t('facetOption', { value: o.value, count: o.count })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** GET form: the filters live in the URL and work without JavaScript. The state comes from the tabs. */
export function JobsFilter({ locale, filter, facets, pausesShown }: { locale: string; filter: JobFilter; facets: Facets; pausesShown: boolean }) {
  const t = useTranslations('JobsPage');
  const active = filter.queue || filter.jobClass || filter.label || filter.search || filter.cronKey || filter.paused || filter.errorClass || filter.finishedSince || filter.batchId || filter.performedAfter || filter.performedBefore || filter.scheduledAfter || filter.scheduledBefore;
  return (
    <Form className="filters filters-wide" role="search" aria-label={t('filters')} action={routes.jobs(locale)}>
      {filter.state ? <input type="hidden" name="state" value={filter.state} /> : null}
      {filter.cronKey ? <input type="hidden" name="cron_key" value={filter.cronKey} /> : null}
      {filter.errorClass ? <input type="hidden" name="error_class" value={filter.errorClass} /> : null}
      {filter.batchId ? <input type="hidden" name="batch_id" value={filter.batchId} /> : null}
      {filter.finishedSince ? <input type="hidden" name="finished_since" value={filter.finishedSince} /> : null}
      {filter.performedAfter ? <input type="hidden" name="performed_after" value={filter.performedAfter} /> : null}
      {filter.performedBefore ? <input type="hidden" name="performed_before" value={filter.performedBefore} /> : null}
      {filter.scheduledAfter ? <input type="hidden" name="scheduled_after" value={filter.scheduledAfter} /> : null}
      {filter.scheduledBefore ? <input type="hidden" name="scheduled_before" value={filter.scheduledBefore} /> : null}
      {filter.errorClass || filter.finishedSince || filter.batchId || filter.performedAfter || filter.performedBefore || filter.scheduledAfter || filter.scheduledBefore ? (
        <p className="muted filter-note" data-testid="extra-filters">
          {filter.batchId ? t('batchFilter', { id: filter.batchId }) : null} {filter.errorClass ? t('errorClassFilter', { value: filter.errorClass }) : null}{' '}
          {filter.finishedSince ? t('finishedSinceFilter', { time: filter.finishedSince }) : null}{' '}
          {filter.performedAfter ? t('performedAfterFilter', { time: filter.performedAfter }) : null}{' '}
          {filter.performedBefore ? t('performedBeforeFilter', { time: filter.performedBefore }) : null}{' '}
          {filter.scheduledAfter ? t('scheduledAfterFilter', { time: filter.scheduledAfter }) : null}{' '}
          {filter.scheduledBefore ? t('scheduledBeforeFilter', { time: filter.scheduledBefore }) : null}
        </p>
      ) : null}
      <FacetSelect name="queue" label={t('queue')} value={filter.queue} options={facets.queues} estimated={facets.estimated} testId="queue-filter" />
      <FacetSelect name="job_class" label={t('jobClass')} value={filter.jobClass} options={facets.classes} estimated={facets.estimated} testId="class-filter" />
      <FacetSelect name="label" label={t('label')} value={filter.label} options={facets.labels} estimated={facets.estimated} testId="label-filter" />
      <label className="grow">
        <span>{t('search')}</span>
        <input type="search" name="q" defaultValue={filter.search ?? ''} placeholder={t('searchPlaceholder')} maxLength={1024} data-testid="search" />
      </label>
      {pausesShown ? (
        <label className="check">
          <input type="checkbox" name="paused" value="1" defaultChecked={filter.paused === true} data-testid="paused-filter" />
          <span>{t('pausedOnly')}</span>
        </label>
      ) : null}
      <ApplyOnChange />
      <button type="submit" className="button">
        {t('apply')}
      </button>
      {active ? <Link href={filter.state ? routes.jobs(locale, { state: filter.state }) : routes.jobs(locale)}>{t('clear')}</Link> : null}
    </Form>
  );
}

import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { formatExactTime, formatNumber } from '@/lib/domain/format';
import { jobFilterParams, type JobFilter } from '@/lib/domain/job-filter';
import { queueOfKey, queueSeries } from '@/lib/domain/queue-series';
import type { JobsActivity } from '@/lib/read-models/jobs-activity';
import { HOUR_MS } from '@/lib/read-models/jobs-activity';
import { ACTIVITY_HOURS } from '@/lib/read-models/jobs-activity';
import { routes } from '@/lib/i18n/routes';

/** Jobs per hour by queue over the last 24 hours under the list's filters; a bar links to its jobs in the list. */
export async function JobsActivitySection({ activity, filter }: { activity: JobsActivity; filter: JobFilter }) {
  const [t, tc, locale, zone] = await Promise.all([getTranslations('JobsActivity'), getTranslations('Chart'), getLocale(), getTimeZone()]);
  const timeZone = zone ?? 'UTC';
  const keep = jobFilterParams(filter);
  // Jobs without a queue and "Other" have no link: the list's queue filter names one queue.
  const hrefFor = (key: string, from: Date, to: Date) => {
    const queue = queueOfKey(key);
    return queue === null ? null : routes.jobs(locale, { ...keep, queue, scheduled_after: from.toISOString(), scheduled_before: to.toISOString() });
  };
  const title = t('title');
  const data = queueSeries(activity.counts, { from: activity.from, stepMs: HOUR_MS, buckets: ACTIVITY_HOURS }, { noQueue: t('noQueue'), other: tc('other') });
  return (
    <section className="card" aria-labelledby="jobs-activity-title" data-testid="jobs-activity-section" data-from={activity.from.toISOString()} data-approximate={activity.incompleteBefore ? 'true' : 'false'}>
      <h2 id="jobs-activity-title">{activity.incompleteBefore ? t('titleApproximate') : title}</h2>
      <p className="muted">{t('note', { zone: timeZone })}</p>
      {activity.incompleteBefore ? (
        <p className="muted" data-testid="jobs-activity-capped">
          {t('capped', { count: formatNumber(activity.cap, locale), time: formatExactTime(activity.incompleteBefore, timeZone) })}
        </p>
      ) : null}
      <TimeSeriesChart data={data} locale={locale} timeZone={timeZone} title={title} unit="count" id="jobs-activity" hrefFor={hrefFor} />
    </section>
  );
}

/** The section's place while its read runs. */
export async function JobsActivityPending() {
  const t = await getTranslations('JobsActivity');
  return (
    <section className="card" aria-busy="true" data-testid="jobs-activity-pending">
      <p className="muted">{t('loading')}</p>
    </section>
  );
}

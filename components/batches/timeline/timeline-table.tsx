import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Breakable } from '@/components/ui/breakable';
import { formatExactTime, formatNumber } from '@/lib/domain/format';
import { parseDbTime } from '@/lib/domain/time';
import type { Timeline } from '@/lib/read-models/batch-timeline';
import type { TimelineJob } from '@/lib/read-models/batch-timeline';
import { bucketJobsHref } from './bucket-link';
import { routes } from '@/lib/i18n/routes';

const exactOrDash = (value: string | null, timeZone: string) => {
  const date = parseDbTime(value);
  return date ? formatExactTime(date, timeZone) : '—';
};

function jobOutcome(job: TimelineJob): 'succeeded' | 'discarded' | 'unfinished' {
  if (job.finished_at === null) return 'unfinished';
  return job.discarded ? 'discarded' : 'succeeded';
}

/** The chart's data as a table: each job and its executions, or each bucket's counts with the link to its jobs. */
export function TimelineTable({ timeline, locale, timeZone, batchId }: { timeline: Timeline; locale: string; timeZone: string; batchId: string }) {
  const t = useTranslations('BatchTimeline');
  if (timeline.mode === 'density') {
    const last = timeline.buckets.length - 1;
    return (
      <table className="timeline-table">
        <thead>
          <tr>
            <th scope="col">{t('from')}</th>
            <th scope="col">{t('to')}</th>
            <th scope="col" className="num">{t('started')}</th>
            <th scope="col" className="num">{t('succeeded')}</th>
            <th scope="col" className="num">{t('discarded')}</th>
          </tr>
        </thead>
        <tbody>
          {timeline.buckets.map((b) => (
            <tr key={b.index} data-bucket={b.index}>
              <th scope="row">{formatExactTime(b.start, timeZone)}</th>
              <td>{formatExactTime(b.end, timeZone)}</td>
              <td className="num">
                {b.started > 0 ? <Link href={bucketJobsHref(locale, batchId, b, b.index === last)} prefetch={false}>{formatNumber(b.started, locale)}</Link> : 0}
              </td>
              <td className="num">{formatNumber(b.succeeded, locale)}</td>
              <td className="num">{formatNumber(b.discarded, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <table className="timeline-table">
      <thead>
        <tr>
          <th scope="col">{t('job')}</th>
          <th scope="col">{t('enqueued')}</th>
          <th scope="col">{t('firstStart')}</th>
          <th scope="col">{t('finished')}</th>
          <th scope="col" className="num">{t('executions')}</th>
          <th scope="col">{t('outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {timeline.jobs.map((job) => {
          const failed = job.executions.filter((e) => e.failed).length;
          return (
            <tr key={job.id} data-job-id={job.id}>
              <th scope="row" className="mono">
                <Link href={routes.job(locale, job.id)} prefetch={false}>
                  <Breakable name={job.job_class ?? job.id} />
                </Link>
                {job.kind === 'callback' ? <span className="muted"> · {t('callback')}</span> : null}
              </th>
              <td>{exactOrDash(job.created_at, timeZone)}</td>
              <td>{exactOrDash(job.executions[0]?.created_at ?? null, timeZone)}</td>
              <td>{exactOrDash(job.finished_at, timeZone)}</td>
              <td className="num">{failed > 0 ? t('executionsFailed', { count: job.executions.length, failed }) : formatNumber(job.executions.length, locale)}</td>
              <td>{t(`job_${jobOutcome(job)}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

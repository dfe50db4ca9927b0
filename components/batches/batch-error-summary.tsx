import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Breakable } from '@/components/ui/breakable';
import { cellLabels } from '@/components/ui/cell-labels';
import { RelativeTime } from '@/components/ui/relative-time';
import { clip } from '@/lib/domain/format';
import type { ErrorSummary } from '@/lib/read-models/batch-errors';
import { CLASS_CHARS } from '@/lib/read-models/batch-errors';
import { ERROR_SUMMARY_SAMPLE } from '@/lib/read-models/batch-errors';
import { routes } from '@/lib/i18n/routes';

/** The batch's failed executions by exception class: count, first and last seen, the latest message, its jobs. */
export function BatchErrorSummary({ summary, batchId, locale, now }: { summary: ErrorSummary; batchId: string; locale: string; now: Date }) {
  const t = useTranslations('BatchPage');
  if (summary.groups.length === 0) return null;
  return (
    <section className="card" aria-labelledby="errors-title" data-testid="error-summary">
      <div className="section-head">
        <h2 id="errors-title">{t('errorSummary')}</h2>
        {summary.sampled ? <span className="muted small-link">{t('errorSummarySampled', { count: ERROR_SUMMARY_SAMPLE })}</span> : null}
      </div>
      <div className="table-wrap">
        <table
          className="error-summary stack-table"
          style={cellLabels({ count: t('errorCount'), first: t('firstSeen'), last: t('lastSeen') })}
        >
          <thead>
            <tr>
              <th scope="col">{t('errorClass')}</th>
              <th scope="col" className="num">
                {t('errorCount')}
              </th>
              <th scope="col">{t('firstSeen')}</th>
              <th scope="col">{t('lastSeen')}</th>
              <th scope="col">{t('sampleMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.groups.map((g) => (
              <tr key={g.error_class} data-error-class={g.error_class}>
                <th scope="row" className="mono cell-class">
                  {g.error_class.length <= CLASS_CHARS ? (
                    <Link href={routes.jobs(locale, { batch_id: batchId, error_class: g.error_class })} title={t('errorJobs')} prefetch={false}>
                      <Breakable name={g.error_class} />
                    </Link>
                  ) : (
                    clip(g.error_class, CLASS_CHARS)
                  )}
                </th>
                <td className="num cell-count">{summary.sampled ? `≈${g.count}` : g.count}</td>
                <td className="time-cell cell-first">
                  <RelativeTime value={g.first_seen} now={now} />
                </td>
                <td className="time-cell cell-last">
                  <RelativeTime value={g.last_seen} now={now} />
                </td>
                <td className="cell-message">
                  <code className="error-line">{g.sample}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

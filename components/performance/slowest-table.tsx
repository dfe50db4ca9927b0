import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Breakable } from '@/components/ui/breakable';
import { ExactTime } from '@/components/ui/relative-time';
import { formatDuration } from '@/lib/domain/format';
import type { SlowExecution } from '@/lib/read-models/performance';
import { routes } from '@/lib/i18n/routes';

/** A class's slowest executions in the window, each linking to its job's page. */
export function SlowestTable({ rows, locale, now, sampled }: { rows: SlowExecution[]; locale: string; now: Date; sampled: boolean }) {
  const t = useTranslations('Performance');
  return (
    <section className="card" aria-labelledby="slowest-title">
      <h2 id="slowest-title">{t('slowest')}</h2>
      {sampled ? <p className="muted">{t('slowestSampled')}</p> : null}
      {rows.length === 0 ? (
        <p className="empty">{t('noSlowest')}</p>
      ) : (
        <div className="table-wrap">
          <table className="perf-table" data-testid="slowest-table">
            <thead>
              <tr>
                <th scope="col">{t('job')}</th>
                <th scope="col">{t('started')}</th>
                <th scope="col" className="num">{t('duration')}</th>
                <th scope="col">{t('queueName')}</th>
                <th scope="col">{t('result')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-execution-id={r.id}>
                  <th scope="row" className="mono">
                    <Link href={routes.job(locale, r.activeJobId)} prefetch={false}>
                      {r.activeJobId.slice(0, 8)}
                    </Link>
                  </th>
                  <td className="time-cell">
                    <ExactTime value={r.createdAt} now={now} />
                  </td>
                  <td className="num">{formatDuration(r.ms, locale)}</td>
                  <td className="mono">{r.queueName === null ? <span className="muted">{t('none')}</span> : <Breakable name={r.queueName} />}</td>
                  <td>{r.failed ? <Badge tone="danger">{t('outcomeError')}</Badge> : <Badge tone="success">{t('outcomeSucceeded')}</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

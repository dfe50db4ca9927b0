import { useTranslations } from 'next-intl';
import { ExactTime } from '@/components/ui/relative-time';
import { batchEta } from '@/lib/domain/batch-eta';
import { formatDuration, formatRelativeTime } from '@/lib/domain/format';
import { toDbTime } from '@/lib/domain/time';
import type { BatchDurations as Durations } from '@/lib/read-models/batch-durations';
import { REMAINING_COUNT_LIMIT } from '@/lib/read-models/batch-durations';
import { DURATIONS_SAMPLE } from '@/lib/read-models/batch-durations';

const ROWS = [
  ['runtime', 'runtime'],
  ['wait', 'timeInQueue'],
] as const;
const COLUMNS = ['p50', 'p95', 'max'] as const;

/**
 * Runtime and time in queue of the batch's executions (p50, p95, max), and for an unfinished batch its estimated finish
 * at the pace of the last minutes; nothing when no job of the batch has run.
 */
export function BatchDurations({ durations, locale, now }: { durations: Durations; locale: string; now: Date }) {
  const t = useTranslations('BatchPage');
  const eta = batchEta(durations.throughput, now);
  if (durations.executions === 0 && eta === null) return null;
  const duration = (ms: number) => (durations.sampled ? `≈${formatDuration(ms, locale)}` : formatDuration(ms, locale));
  return (
    <section className="card" aria-labelledby="durations-title" data-testid="durations">
      <div className="section-head">
        <h2 id="durations-title">{t('durations')}</h2>
        {durations.sampled ? <span className="muted small-link">{t('durationsSampled', { count: DURATIONS_SAMPLE })}</span> : null}
      </div>
      {durations.executions > 0 ? (
        <div className="table-wrap">
          <table className="durations" aria-labelledby="durations-title" aria-describedby="durations-basis">
            <thead>
              <tr>
                <td />
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="num">
                    {t(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([kind, label]) => {
                const spread = durations[kind];
                return (
                  <tr key={kind} data-kind={kind}>
                    <th scope="row">{t(label)}</th>
                    {COLUMNS.map((column) => (
                      <td key={column} className="num" data-column={column}>
                        {spread ? duration(spread[column]) : '—'}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p id="durations-basis" className="muted small-link">
            {t('durationsBasis', { executions: durations.executions, jobs: durations.jobs })}
          </p>
        </div>
      ) : null}
      {eta ? (
        <p data-testid="eta">
          {t.rich('eta', {
            basis: eta.basis,
            relative: formatRelativeTime(eta.at, now, locale),
            time: () => <ExactTime value={toDbTime(eta.at)} now={now} />,
          })}{' '}
          <span className="muted">
            {t('etaPace', {
              basis: eta.basis,
              remaining: eta.basis === 'atLeast' ? REMAINING_COUNT_LIMIT : eta.remaining,
              window: formatDuration(eta.windowMs, locale),
              rate: eta.perMinute,
            })}
          </span>
        </p>
      ) : null}
    </section>
  );
}

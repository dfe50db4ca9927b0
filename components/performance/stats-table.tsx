import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Breakable } from '@/components/ui/breakable';
import type { PerformanceWindow } from '@/lib/domain/performance';
import type { PerformanceStat } from '@/lib/read-models/performance';
import { classPerformanceHref } from './links';
import { countText, durationText } from './stat-format';

interface Props {
  rows: PerformanceStat[];
  /** Job classes link to their page; queues do not. */
  kind: 'class' | 'queue';
  locale: string;
  window: PerformanceWindow;
  approximate: boolean;
}

/** Per job class or per queue: executions, failures, and average / p50 / p95 / maximum duration. */
export function StatsTable({ rows, kind, locale, window, approximate }: Props) {
  const t = useTranslations('Performance');
  const count = (n: number) => countText(n, locale, approximate);
  const duration = (ms: number | null) => durationText(ms, locale, approximate);
  return (
    <div className="table-wrap">
      <table className="perf-table" data-testid={kind === 'class' ? 'class-table' : 'queue-table'}>
        <thead>
          <tr>
            <th scope="col">{kind === 'class' ? t('jobClass') : t('queueName')}</th>
            <th scope="col" className="num">{t('executions')}</th>
            <th scope="col" className="num">{t('failures')}</th>
            <th scope="col" className="num">{t('averageDuration')}</th>
            <th scope="col" className="num">{t('medianDuration')}</th>
            <th scope="col" className="num">{t('p95Duration')}</th>
            <th scope="col" className="num">{t('maximumDuration')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key ?? ''} data-key={r.key ?? ''}>
              <th scope="row" className="mono">
                {r.key === null ? (
                  <span className="muted">{t('none')}</span>
                ) : kind === 'class' ? (
                  <Link className="job-class" href={classPerformanceHref(locale, r.key, window)} prefetch={false}>
                    <Breakable name={r.key} />
                  </Link>
                ) : (
                  <Breakable name={r.key} />
                )}
              </th>
              <td className="num">{count(r.executions)}</td>
              <td className="num">{count(r.failures)}</td>
              <td className="num">{duration(r.avgMs)}</td>
              <td className="num">{duration(r.p50Ms)}</td>
              <td className="num">{duration(r.p95Ms)}</td>
              <td className="num">{duration(r.maxMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useTranslations } from 'next-intl';
import { RelativeTime } from '@/components/ui/relative-time';
import { processInfo } from '@/lib/domain/process-state';
import type { ProcessRow } from '@/lib/queries/processes';

export function ProcessesTable({ processes, now, testId }: { processes: ProcessRow[]; now: Date; testId: string }) {
  const t = useTranslations('ProcessesPage');
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('host')}</th>
            <th scope="col" className="num">
              {t('pid')}
            </th>
            <th scope="col">{t('queues')}</th>
            <th scope="col" className="num">
              {t('threads')}
            </th>
            <th scope="col" className="num">
              {t('memory')}
            </th>
            <th scope="col">{t('started')}</th>
            <th scope="col">{t('heartbeat')}</th>
          </tr>
        </thead>
        <tbody>
          {processes.map((p) => {
            const info = processInfo(p.state);
            return (
              <tr key={p.id} data-process-id={p.id}>
                <th scope="row" className="job-cell">
                  <span className="job-class">{info.hostname ?? '—'}</span>
                  <span className="job-id">{p.id}</span>
                </th>
                <td className="num">{info.pid ?? '—'}</td>
                <td className="mono">{info.queues.join(', ') || '—'}</td>
                <td className="num">{info.threads ?? '—'}</td>
                <td className="num">{info.memoryKb === null ? '—' : t('memoryValue', { mb: Math.round(info.memoryKb / 102.4) / 10 })}</td>
                <td>
                  <RelativeTime value={p.created_at} now={now} />
                </td>
                <td>
                  <RelativeTime value={p.updated_at} now={now} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

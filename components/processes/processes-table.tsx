import { useTranslations } from 'next-intl';
import { Breakable } from '@/components/ui/breakable';
import { cellLabels } from '@/components/ui/cell-labels';
import { RelativeTime } from '@/components/ui/relative-time';
import { parseQueueSelection, processInfo } from '@/lib/domain/process-state';
import type { ProcessRow } from '@/lib/read-models/processes';

/** A scheduler's queues in words, with GoodJob's own syntax beside them when it says more than a list of names. */
function QueueSelectionText({ queues }: { queues: string }) {
  const t = useTranslations('ProcessesPage');
  const selection = parseQueueSelection(queues);
  if (selection.kind === 'only' && !selection.ordered) return <span className="mono">{selection.names.join(', ')}</span>;
  const names = selection.kind === 'all' ? '' : selection.names.join(', ');
  const text = selection.kind === 'all' ? t('queuesAll') : selection.kind === 'except' ? t('queuesExcept', { names }) : t('queuesOrdered', { names });
  return (
    <>
      {text} <code className="muted">{queues}</code>
    </>
  );
}

export function ProcessesTable({ processes, now, testId }: { processes: ProcessRow[]; now: Date; testId: string }) {
  const t = useTranslations('ProcessesPage');
  return (
    <div className="table-wrap">
      <table
        className="processes-table stack-table"
        data-testid={testId}
        style={cellLabels({ pid: t('pid'), queues: t('queues'), threads: t('threads'), memory: t('memory'), cron: t('cron'), pool: t('pool'), started: t('started'), heartbeat: t('heartbeat') })}
      >
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
            <th scope="col">{t('cron')}</th>
            <th scope="col">{t('pool')}</th>
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
                  <span className="job-class">
                    <Breakable name={info.hostname ?? '—'} />
                  </span>
                  <span className="job-id">{p.id}</span>
                </th>
                <td className="num cell-pid">{info.pid ?? '—'}</td>
                <td className="cell-queues">
                  {info.schedulers.length === 0
                    ? '—'
                    : info.schedulers.map((scheduler, i) => (
                        <span key={i} className="queue-selection">
                          <QueueSelectionText queues={scheduler.queues} />
                          {scheduler.maxThreads === null ? null : <span className="muted"> · {t('schedulerThreads', { count: scheduler.maxThreads })}</span>}
                        </span>
                      ))}
                </td>
                <td className="num cell-threads">{info.threads ?? '—'}</td>
                <td className="num cell-memory">{info.memoryKb === null ? '—' : t('memoryValue', { mb: Math.round(info.memoryKb / 102.4) / 10 })}</td>
                <td className="cell-cron">{info.cronEnabled === null ? '—' : info.cronEnabled ? t('cronYes') : t('cronNo')}</td>
                <td className="cell-pool">
                  {info.pool === null ? '—' : info.pool.active === null ? t('poolSize', { size: info.pool.size }) : t('poolValue', { active: info.pool.active, size: info.pool.size })}
                </td>
                <td className="cell-started">
                  <RelativeTime value={p.created_at} now={now} />
                </td>
                <td className="cell-heartbeat">
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

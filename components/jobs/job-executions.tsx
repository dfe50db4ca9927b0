import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { applicationFrames } from '@/lib/domain/backtrace';
import { formatDuration, parseIntervalMs } from '@/lib/domain/format';
import { ERROR_EVENTS, errorEventName } from '@/lib/domain/job-state';
import { parseDbTime } from '@/lib/domain/time';
import type { ExecutionRow } from '@/lib/read-models/jobs';

const between = (from: string | null, to: string | null) => {
  const a = parseDbTime(from);
  const b = parseDbTime(to);
  return a && b ? b.getTime() - a.getTime() : null;
};

/** A job's executions newest first: attempt number, time in queue, runtime, outcome, and for failures the error with the application's frames first. */
export function JobExecutions({ executions, total, now }: { executions: ExecutionRow[]; total: number; now: Date }) {
  const t = useTranslations('JobPage');
  const events = useTranslations('ErrorEvent');
  const locale = useLocale();
  // GoodJob's error_event, in words; a value GoodJob has not defined is shown as the number it is.
  const errorEventLabel = (value: number) => {
    const name = ERROR_EVENTS[value];
    return name === undefined ? String(value) : events(name);
  };
  if (executions.length === 0) return <p className="empty">{t('noExecutions')}</p>;
  return (
    <>
      {total > executions.length ? <p className="muted">{t('moreExecutions', { shown: executions.length, total })}</p> : null}
      <ol className="executions" reversed data-testid="executions">
        {executions.map((e) => {
          const queued = between(e.scheduled_at, e.created_at);
          const runtime = parseIntervalMs(e.duration) ?? between(e.created_at, e.finished_at);
          const frames = applicationFrames(e.error_backtrace);
          const outcome = e.finished_at === null ? 'unfinished' : e.error ? 'failed' : 'succeeded';
          return (
            <li key={e.id} className="execution card" data-testid="execution" data-outcome={outcome}>
              <div className="execution-head">
                <h3>{t('execution', { number: e.number })}</h3>
                <Badge tone={outcome === 'succeeded' ? 'success' : outcome === 'failed' ? 'danger' : 'running'}>{t(outcome)}</Badge>
                <RelativeTime value={e.created_at} now={now} />
              </div>
              <dl className="facts">
                <div>
                  <dt>{t('timeInQueue')}</dt>
                  <dd>{queued === null ? t('none') : formatDuration(Math.max(queued, 0), locale)}</dd>
                </div>
                <div>
                  <dt>{t('runtime')}</dt>
                  <dd>{runtime === null ? t('none') : formatDuration(runtime, locale)}</dd>
                </div>
                {e.error_event !== null ? (
                  <div>
                    <dt>{t('errorEvent')}</dt>
                    <dd data-testid="error-event" data-value={String(errorEventName(e.error_event))}>
                      {errorEventLabel(e.error_event)}
                    </dd>
                  </div>
                ) : null}
              </dl>
              {e.error ? (
                <div className="error-block">
                  <p className="error-text" data-testid="execution-error">
                    {e.error}
                  </p>
                  <h4>{t('applicationFrames')}</h4>
                  {frames.length > 0 ? (
                    <pre className="backtrace" data-testid="application-frames">
                      {frames.join('\n')}
                    </pre>
                  ) : (
                    <p className="muted">{t('noApplicationFrames')}</p>
                  )}
                  {e.error_backtrace && e.error_backtrace.length > 0 ? (
                    <details>
                      <summary>{t('fullBacktrace', { count: e.error_backtrace.length })}</summary>
                      <pre className="backtrace" data-testid="full-backtrace">
                        {e.error_backtrace.join('\n')}
                      </pre>
                    </details>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}

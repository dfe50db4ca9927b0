import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Breakable } from '@/components/ui/breakable';
import { JsonView } from '@/components/ui/json-view';
import { Pills } from '@/components/ui/pills';
import { ExactTime } from '@/components/ui/relative-time';
import { jobInspectJson } from '@/lib/domain/inspect-json';
import { allowedActions, jobStatus } from '@/lib/domain/job-state';
import { parseOrderedJson, printJson } from '@/lib/domain/ordered-json';
import type { JobRow } from '@/lib/read-models/rows';
import { JobActionsMenu } from './job-actions-menu';
import { JobStatusBadge } from './job-status-badge';
import { PausedMarker } from './paused-marker';
import type { PauseMarking } from '@/lib/domain/settings';
import { routes } from '@/lib/i18n/routes';

/** The job's times, each with its label (GoodJob's columns, in the order a job lives them). */
const TIMES = [
  ['created_at', 'createdAt'],
  ['scheduled_at', 'scheduledAt'],
  ['performed_at', 'performedAt'],
  ['finished_at', 'finishedAt'],
] as const;

/** The job's `arguments`, as stored (key order and numbers kept). */
function argumentsJson(serialized: string | null): string {
  if (serialized === null) return 'null';
  try {
    const node = parseOrderedJson(serialized);
    const args = node.kind === 'object' ? node.entries.find(([k]) => k === 'arguments')?.[1] : undefined;
    return args ? printJson(args) : 'null';
  } catch {
    return serialized;
  }
}

export function JobDetail({ job, columns, now, locale, actionsEnabled, pausing }: { job: JobRow; columns: readonly string[]; now: Date; locale: string; actionsEnabled: boolean; pausing: PauseMarking | null }) {
  const t = useTranslations('JobPage');
  const status = jobStatus(job, now);
  const batchId = job.batch_id ?? job.batch_callback_id;
  return (
    <>
      <header className="page-header">
        <p>
          <Link href={routes.jobs(locale)} className="back-link">
            ← {t('back')}
          </Link>
        </p>
        <div className="title-row">
          <h1>
            <span className="job-class">
              <Breakable name={job.job_class} />
            </span>
          </h1>
          <JobStatusBadge status={status} />
          <PausedMarker job={job} status={status} marking={pausing} />
          {actionsEnabled ? <JobActionsMenu jobId={job.id} jobClass={job.job_class ?? ''} actions={allowedActions(status)} path={routes.job(locale, job.id)} /> : null}
        </div>
        <p className="job-id">{job.id}</p>
        <dl className="facts" data-testid="job-facts">
          <div>
            <dt>{t('queue')}</dt>
            <dd className="mono">
              <Breakable name={job.queue_name} />
            </dd>
          </div>
          <div>
            <dt>{t('priority')}</dt>
            <dd>{job.priority}</dd>
          </div>
          <div>
            <dt>{t('labels')}</dt>
            <dd>{job.labels && job.labels.length > 0 ? <Pills values={job.labels} hrefFor={(label) => routes.jobs(locale, { label })} /> : t('none')}</dd>
          </div>
          {batchId ? (
            <div>
              <dt>{job.batch_id ? t('batch') : t('callbackOf')}</dt>
              <dd>
                <Link href={routes.batch(locale, batchId)} className="mono">
                  {batchId}
                </Link>
              </dd>
            </div>
          ) : null}
          {TIMES.map(([c, label]) =>
            job[c] ? (
              <div key={c} data-column={c}>
                <dt>{t(label)}</dt>
                <dd>
                  <ExactTime value={job[c]} now={now} />
                </dd>
              </div>
            ) : null,
          )}
        </dl>
        {job.error ? (
          <p className="error-text" data-testid="job-error">
            {job.error}
          </p>
        ) : null}
      </header>
      <section className="card" aria-labelledby="arguments-title">
        <h2 id="arguments-title">{t('arguments')}</h2>
        <JsonView json={argumentsJson(job.serialized_params_text)} />
      </section>
      <section className="card" aria-labelledby="inspect-title">
        <details>
          <summary>
            <h2 id="inspect-title" className="inline-heading">
              {t('inspect')}
            </h2>
          </summary>
          <JsonView json={jobInspectJson(job, job.serialized_params_text, columns)} />
        </details>
      </section>
    </>
  );
}

import { useTranslations } from 'next-intl';
import { formatDuration, formatExactTime } from '@/lib/domain/format';
import { px } from '@/lib/domain/svg-number';
import { parseDbTime } from '@/lib/domain/time';
import type { TimeAxis } from '@/lib/domain/time-axis';
import { executionOutcome, rowHeight } from '@/lib/domain/timeline';
import type { TimelineJob } from '@/lib/read-models/batch-timeline';
import { AXIS, TOP, WIDTH } from './geometry';
import type { batchMilestones } from './milestones';
import { TimeAxisMarks } from './time-axis-marks';

const OUTCOME_CLASS = { succeeded: 'tl-ok', failed: 'tl-bad', running: 'tl-run' } as const;
const MIN_BAR = 1.5;

interface Props {
  jobs: TimelineJob[];
  axis: TimeAxis;
  milestones: ReturnType<typeof batchMilestones>;
  now: Date;
  locale: string;
  timeZone: string;
  labelledBy: string;
}

/** Each job on its own row: a thin line while it waits, a bar per execution coloured by outcome; the batch's moments as lines. */
export function DetailChart({ jobs, axis, milestones, now, locale, timeZone, labelledBy }: Props) {
  const t = useTranslations('BatchTimeline');
  const h = rowHeight(jobs.length);
  const callbackGap = jobs.some((j) => j.kind === 'callback') ? h : 0;
  const plotBottom = TOP + jobs.length * h + callbackGap;
  const exact = (d: Date) => formatExactTime(d, timeZone);
  // Callback jobs come after the batched ones, a row's height apart.
  const rowTop = jobs.map((job, i) => TOP + i * h + (job.kind === 'callback' ? callbackGap : 0));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${plotBottom + AXIS}`} className="timeline-chart" role="img" aria-labelledby={labelledBy} data-testid="timeline-chart">
      <TimeAxisMarks axis={axis} top={TOP} y={plotBottom} />
      {jobs.map((job, index) => {
        const rowY = rowTop[index]!;
        const enqueued = parseDbTime(job.created_at)!;
        const firstStart = parseDbTime(job.executions[0]?.created_at ?? null);
        const waitEnd = firstStart ?? parseDbTime(job.finished_at) ?? now;
        const mid = rowY + h / 2;
        return (
          <g key={job.id} className={job.kind === 'callback' ? 'tl-callback' : undefined} data-job-id={job.id}>
            <line x1={axis.x(enqueued)} x2={px(Math.max(axis.x(waitEnd), axis.x(enqueued) + 1))} y1={mid} y2={mid} className="tl-wait">
              <title>{t('waitTitle', { job: job.job_class ?? job.id, from: exact(enqueued), to: exact(waitEnd) })}</title>
            </line>
            {job.executions.map((execution, i) => {
              const start = parseDbTime(execution.created_at)!;
              const end = parseDbTime(execution.finished_at) ?? now;
              const outcome = executionOutcome({ finished_at: parseDbTime(execution.finished_at), failed: execution.failed });
              const x = axis.x(start);
              return (
                <rect key={execution.created_at} x={x} y={rowY + 1} width={px(Math.max(axis.x(end) - x, MIN_BAR))} height={Math.max(h - 2, 2)} className={OUTCOME_CLASS[outcome]}>
                  <title>
                    {t('executionTitle', { job: job.job_class ?? job.id, n: i + 1, from: exact(start), duration: formatDuration(end.getTime() - start.getTime(), locale), outcome: t(`outcome_${outcome}`) })}
                  </title>
                </rect>
              );
            })}
          </g>
        );
      })}
      {milestones.map((m) => (
        <line key={m.key} x1={axis.x(m.at)} x2={axis.x(m.at)} y1={TOP - 4} y2={plotBottom} className={`tl-milestone tl-m-${m.key}`}>
          <title>{`${t(`milestone_${m.key}`)}: ${exact(m.at)}`}</title>
        </line>
      ))}
    </svg>
  );
}

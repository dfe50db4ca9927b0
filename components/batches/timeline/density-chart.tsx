import { scaleLinear } from 'd3-scale';
import { useTranslations } from 'next-intl';
import { formatExactTime, formatNumber } from '@/lib/domain/format';
import { interpolateTenth, px } from '@/lib/domain/svg-number';
import type { TimeAxis } from '@/lib/domain/time-axis';
import type { DensityBucket } from '@/lib/read-models/batch-timeline';
import { bucketJobsHref } from './bucket-link';
import { AXIS, DENSITY_PLOT, LEFT, RIGHT, TOP, WIDTH } from './geometry';
import type { batchMilestones } from './milestones';
import { TimeAxisMarks } from './time-axis-marks';
import { documentHref } from '@/lib/i18n/routes';

const SERIES = [
  ['started', 'tl-started'],
  ['succeeded', 'tl-ok'],
  ['discarded', 'tl-bad'],
] as const;

interface Props {
  buckets: DensityBucket[];
  axis: TimeAxis;
  milestones: ReturnType<typeof batchMilestones>;
  locale: string;
  timeZone: string;
  batchId: string;
  labelledBy: string;
}

/** Jobs started / succeeded / discarded per bucket, three bars side by side; a bucket links to the jobs performed in it. */
export function DensityChart({ buckets, axis, milestones, locale, timeZone, batchId, labelledBy }: Props) {
  const t = useTranslations('BatchTimeline');
  // The scale's top value is written above the plot, clear of the bars.
  const plotTop = TOP + 14;
  const bottom = plotTop + DENSITY_PLOT;
  const max = Math.max(1, ...buckets.flatMap((b) => [b.started, b.succeeded, b.discarded]));
  const y = scaleLinear().domain([0, max]).nice().range([bottom, plotTop]).interpolate(interpolateTenth);
  const exact = (d: Date) => formatExactTime(d, timeZone);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${bottom + AXIS}`} className="timeline-chart" role="img" aria-labelledby={labelledBy} data-testid="timeline-chart">
      <TimeAxisMarks axis={axis} top={plotTop} y={bottom} />
      {buckets.map((b, i) => {
        const x0 = axis.x(b.start);
        const width = px(axis.x(b.end) - x0);
        const bar = px(Math.max((width - 2) / SERIES.length, 0.5));
        const title = t('bucketTitle', { from: exact(b.start), to: exact(b.end), started: formatNumber(b.started, locale), succeeded: formatNumber(b.succeeded, locale), discarded: formatNumber(b.discarded, locale) });
        return (
          <a key={b.index} href={documentHref(bucketJobsHref(locale, batchId, b, i === buckets.length - 1))} data-bucket={b.index}>
            <title>{title}</title>
            <rect x={x0} y={plotTop} width={width} height={DENSITY_PLOT} className="tl-hit" />
            {/* An empty series draws nothing (the bucket's hit area and title stay). */}
            {SERIES.map(([key, className], s) =>
              b[key] > 0 ? <rect key={key} x={px(x0 + 1 + s * bar)} y={y(b[key])} width={bar} height={px(bottom - y(b[key]))} className={className} /> : null,
            )}
          </a>
        );
      })}
      {milestones.map((m) => (
        <line key={m.key} x1={axis.x(m.at)} x2={axis.x(m.at)} y1={plotTop - 4} y2={bottom} className={`tl-milestone tl-m-${m.key}`}>
          <title>{`${t(`milestone_${m.key}`)}: ${exact(m.at)}`}</title>
        </line>
      ))}
      <line x1={LEFT} x2={RIGHT} y1={plotTop} y2={plotTop} className="tl-grid" aria-hidden="true" />
      <text x={RIGHT} y={plotTop - 4} textAnchor="end" className="tl-scale" aria-hidden="true">
        {formatNumber(y.domain()[1]!, locale)}
      </text>
    </svg>
  );
}

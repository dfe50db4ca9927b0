import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { formatDuration, formatExactTime, formatNumber } from '@/lib/domain/format';
import { timeAxis } from '@/lib/domain/time-axis';
import type { TimelineBatch } from '@/lib/read-models/batch-timeline';
import type { Timeline } from '@/lib/read-models/batch-timeline';
import { TIMELINE_DENSITY_SAMPLE } from '@/lib/read-models/batch-timeline';
import { DensityChart } from './density-chart';
import { DetailChart } from './detail-chart';
import { LEFT, RIGHT } from './geometry';
import { batchMilestones } from './milestones';
import { TimelineTable } from './timeline-table';

const LEGEND = {
  detail: [
    ['wait', 'tl-wait'],
    ['outcome_succeeded', 'tl-ok'],
    ['outcome_failed', 'tl-bad'],
    ['outcome_running', 'tl-run'],
  ],
  density: [
    ['started', 'tl-started'],
    ['succeeded', 'tl-ok'],
    ['discarded', 'tl-bad'],
  ],
} as const;

/** The batch's life on one time axis (server-drawn SVG), its legend with the batch's moments, and the same data as a table. */
export async function BatchTimeline({ timeline, batch, now }: { timeline: Timeline; batch: TimelineBatch; now: Date }) {
  const [t, locale, zone] = await Promise.all([getTranslations('BatchTimeline'), getLocale(), getTimeZone()]);
  const timeZone = zone ?? 'UTC';
  const axis = timeAxis(timeline.span.from, timeline.span.to, LEFT, RIGHT, locale, timeZone);
  const milestones = batchMilestones(batch);
  const common = { axis, milestones, locale, timeZone, labelledBy: 'timeline-title timeline-note' };
  let note: string;
  if (timeline.mode === 'detail') note = timeline.jobs.length === 0 ? t('empty') : t('detailNote');
  else {
    const step = formatDuration(timeline.stepMs, locale);
    note = timeline.sampled ? t('densityNoteSampled', { step, count: formatNumber(TIMELINE_DENSITY_SAMPLE, locale) }) : t('densityNote', { step });
  }
  return (
    <section className="card timeline" aria-labelledby="timeline-title" data-testid="timeline" data-mode={timeline.mode}>
      <div className="section-head">
        <h2 id="timeline-title">{t('title')}</h2>
      </div>
      <p id="timeline-note" className="muted">
        {note}
      </p>
      {timeline.mode === 'detail' ? (
        timeline.jobs.length > 0 ? <DetailChart jobs={timeline.jobs} now={now} {...common} /> : null
      ) : (
        <DensityChart buckets={timeline.buckets} batchId={batch.id} {...common} />
      )}
      <ul className="tl-legend">
        {LEGEND[timeline.mode].map(([key, className]) => (
          <li key={key}>
            <span className={`tl-swatch ${className}`} aria-hidden="true" /> {t(key)}
          </li>
        ))}
        {milestones.map((m) => (
          <li key={m.key}>
            <span className={`tl-swatch tl-milestone tl-m-${m.key}`} aria-hidden="true" /> {t(`milestone_${m.key}`)}: {formatExactTime(m.at, timeZone)}
          </li>
        ))}
      </ul>
      {timeline.mode === 'detail' && timeline.executionsCapped ? <p className="muted">{t('executionsCapped')}</p> : null}
      <details className="timeline-data" data-testid="timeline-table">
        <summary>{t('showTable')}</summary>
        <div className="table-wrap">
          <TimelineTable timeline={timeline} locale={locale} timeZone={timeZone} batchId={batch.id} />
        </div>
      </details>
    </section>
  );
}

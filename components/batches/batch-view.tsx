import { Suspense } from 'react';
import { LiveMark } from '@/components/preferences/live-mark';
import { Streamed } from '@/components/ui/streamed';
import type { BatchLinkQuery } from '@/lib/domain/batch-page-query';
import type { PauseMarking } from '@/lib/domain/settings';
import { routes } from '@/lib/i18n/routes';
import { batchPageSignature } from '@/lib/live/views';
import type { BatchInsight } from '@/lib/read-models/batch-insight';
import type { BatchPageData } from '@/lib/read-models/batches';
import { BatchAttributes } from './batch-attributes';
import { BatchDurations } from './batch-durations';
import { BatchErrorSummary } from './batch-error-summary';
import { BatchHeader } from './batch-header';
import { BatchJobsSection } from './batch-jobs-section';
import { BatchTimeline } from './timeline/batch-timeline';

interface Props {
  data: BatchPageData;
  insight: BatchInsight;
  locale: string;
  now: Date;
  links: BatchLinkQuery;
  /** The live endpoint answering for this page (lib/live/views.ts liveEndpoint). */
  liveEndpoint: string;
  actionsEnabled: boolean;
  pausing: PauseMarking | null;
}

/** One batch: its header, the insights streamed after the first paint, its attributes, then its callback and batched jobs. */
export function BatchView({ data, insight, locale, now, links, liveEndpoint, actionsEnabled, pausing }: Props) {
  const batchId = data.batch.id;
  return (
    <>
      <BatchHeader batch={data.batch} counts={data.counts} estimated={data.countsEstimated} locale={locale} actionsEnabled={actionsEnabled} now={now} />
      {/* Streamed after the first paint: a big batch's jobs and executions are read from bounded samples. */}
      <Suspense fallback={null}>
        <Streamed data={insight.timeline}>{(loaded) => <BatchTimeline timeline={loaded} batch={data.batch} now={now} />}</Streamed>
      </Suspense>
      <Suspense fallback={null}>
        <Streamed data={insight.durations}>{(loaded) => <BatchDurations durations={loaded} locale={locale} now={now} />}</Streamed>
      </Suspense>
      <Suspense fallback={null}>
        <Streamed data={insight.errors}>{(loaded) => <BatchErrorSummary summary={loaded} batchId={batchId} locale={locale} now={now} />}</Streamed>
      </Suspense>
      <BatchAttributes batch={data.batch} columns={data.batchColumns} />
      <LiveMark endpoint={liveEndpoint} {...batchPageSignature(data, now)} />
      {(['callback', 'batched'] as const).map((kind) => (
        <BatchJobsSection
          key={kind}
          kind={kind}
          batchId={batchId}
          page={kind === 'callback' ? data.callbackJobs : data.batchedJobs}
          now={now}
          basePath={routes.batch(locale, batchId)}
          query={links}
          counts={data.counts}
          countsEstimated={data.countsEstimated}
          actionsEnabled={actionsEnabled}
          pausing={pausing}
        />
      ))}
    </>
  );
}

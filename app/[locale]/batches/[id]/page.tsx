import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BatchAttributes } from '@/components/batches/batch-attributes';
import { BatchHeader } from '@/components/batches/batch-header';
import { BatchJobsSection } from '@/components/batches/batch-jobs-section';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { Suspense } from 'react';
import { BatchErrorSummary } from '@/components/batches/batch-error-summary';
import { BatchDurations } from '@/components/batches/batch-durations';
import { BatchTimeline } from '@/components/batches/timeline/batch-timeline';
import { Streamed } from '@/components/ui/streamed';
import { isReadOnly, pausesMode } from '@/lib/config';
import { pauseMarking } from '@/lib/domain/settings';
import { readDb, readRoute } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { encodeCursor } from '@/lib/domain/cursor';
import { parseUuid } from '@/lib/domain/ids';
import { parseJobStatus } from '@/lib/domain/job-state';
import { pageRequestFrom } from '@/lib/domain/paging';
import { firstParam } from '@/lib/domain/url';
import { isLocale } from '@/lib/i18n/routing';
import { batchInsight } from '@/lib/queries/batch-insight';
import { loadBatchPage } from '@/lib/queries/batch-page';
import { LiveMark } from '@/components/preferences/live-mark';
import { batchPageSignature, liveEndpoint } from '@/lib/live/views';
import { ReadSourceNotice } from '@/components/read-source-notice';
import { routes } from '@/lib/i18n/routes';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return { title: t('batchTitle', { id: id.slice(0, 8) }) };
}

export default async function BatchPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const batchId = parseUuid(id);
  if (batchId === null) notFound();
  const search = await searchParams;
  const page = pageRequestFrom(search);
  const status = parseJobStatus(firstParam(search.state));
  const now = new Date();
  const inspect = firstParam(search.inspect) === 'all';
  const data = await loadOrUnavailable(async () => loadBatchPage(await readDb(), batchId, { page, status, now, inspect }));
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  if (data === null) notFound();
  const actionsEnabled = !isReadOnly();
  const pausing = pauseMarking(data.pauses, pausesMode());
  const basePath = routes.batch(locale, batchId);
  const jobCount = Object.values(data.counts).reduce((sum, n) => sum + n, 0);
  const { timeline, durations, errors } = batchInsight(data.batch, jobCount, now);
  const query = {
    state: status,
    inspect,
    after: page.after ? encodeCursor(page.after) : null,
    before: page.before ? encodeCursor(page.before) : null,
  };
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <BatchHeader batch={data.batch} counts={data.counts} estimated={data.countsEstimated} locale={locale} actionsEnabled={actionsEnabled} now={now} />
      {/* Streamed after the first paint: a big batch's jobs and executions are read from bounded samples. */}
      <Suspense fallback={null}>
        <Streamed data={timeline}>{(loaded) => <BatchTimeline timeline={loaded} batch={data.batch} now={now} />}</Streamed>
      </Suspense>
      <Suspense fallback={null}>
        <Streamed data={durations}>{(loaded) => <BatchDurations durations={loaded} locale={locale} now={now} />}</Streamed>
      </Suspense>
      <Suspense fallback={null}>
        <Streamed data={errors}>{(loaded) => <BatchErrorSummary summary={loaded} batchId={batchId} locale={locale} now={now} />}</Streamed>
      </Suspense>
      <BatchAttributes batch={data.batch} columns={data.batchColumns} />
      <LiveMark endpoint={liveEndpoint(`/api/live/batches/${batchId}`, search, locale)} {...batchPageSignature(data, now)} />
      {(['callback', 'batched'] as const).map((kind) => (
        <BatchJobsSection
          key={kind}
          kind={kind}
          batchId={batchId}
          page={kind === 'callback' ? data.callbackJobs : data.batchedJobs}
          now={now}
          basePath={basePath}
          query={query}
          counts={data.counts}
          countsEstimated={data.countsEstimated}
          actionsEnabled={actionsEnabled}
          pausing={pausing}
        />
      ))}
    </>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BatchAttributes } from '@/components/batches/batch-attributes';
import { BatchHeader } from '@/components/batches/batch-header';
import { BatchJobsSection } from '@/components/batches/batch-jobs-section';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { Suspense } from 'react';
import { BatchErrorSummaryStreamed } from '@/components/batches/batch-error-summary';
import { batchErrorSummary } from '@/lib/queries/batch-errors';
import { batchTimeline } from '@/lib/queries/batch-timeline';
import { sharedRead } from '@/lib/queries/shared-read';
import { batchDurations } from '@/lib/queries/batch-durations';
import { BatchDurationsStreamed } from '@/components/batches/batch-durations';
import { BatchTimelineStreamed } from '@/components/batches/timeline/batch-timeline';
import { isReadOnly, pausesMode } from '@/lib/config';
import { pauseMarking } from '@/lib/domain/settings';
import { readDb } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { encodeCursor } from '@/lib/domain/cursor';
import { parseUuid } from '@/lib/domain/ids';
import { JOB_STATUSES, type JobStatus } from '@/lib/domain/job-state';
import { pageRequestFrom } from '@/lib/domain/paging';
import { firstParam } from '@/lib/domain/url';
import { isLocale } from '@/lib/i18n/routing';
import { loadBatchPage } from '@/lib/queries/batch-page';
import { ReadSourceNotice } from '@/components/read-source-notice';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return { title: t('batchTitle', { id: id.slice(0, 8) }) };
}

/** The batch's timeline, durations and errors are read once per this long per process, shared by the requests meanwhile. */
const INSIGHT_TTL_MS = 10_000;

const parseStatus = (value: string | undefined): JobStatus | null => ((JOB_STATUSES as readonly string[]).includes(value ?? '') ? (value as JobStatus) : null);

export default async function BatchPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const batchId = parseUuid(id);
  if (batchId === null) notFound();
  const search = await searchParams;
  const page = pageRequestFrom(search);
  const status = parseStatus(firstParam(search.state));
  const now = new Date();
  const inspect = firstParam(search.inspect) === 'all';
  const data = await loadOrUnavailable(async () => loadBatchPage(await readDb(), batchId, { page, status, now, inspect }));
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  if (data === null) notFound();
  const actionsEnabled = !isReadOnly();
  const pausing = pauseMarking(data.pauses, pausesMode());
  const basePath = `/${locale}/batches/${batchId}`;
  const query = {
    state: status,
    inspect,
    after: page.after ? encodeCursor(page.after) : null,
    before: page.before ? encodeCursor(page.before) : null,
  };
  return (
    <>
      <ReadSourceNotice />
      <BatchHeader batch={data.batch} counts={data.counts} estimated={data.countsEstimated} locale={locale} actionsEnabled={actionsEnabled} now={now} />
      {/* Streamed after the first paint: a big batch's jobs and executions are read from bounded samples. */}
      <Suspense fallback={null}>
        <BatchTimelineStreamed timeline={readDb().then((db) => sharedRead(`timeline:${batchId}`, INSIGHT_TTL_MS, () => batchTimeline(db, data.batch, now))).catch(() => null)} batch={data.batch} now={now} />
      </Suspense>
      <Suspense fallback={null}>
        <BatchDurationsStreamed durations={readDb().then((db) => sharedRead(`durations:${batchId}`, INSIGHT_TTL_MS, () => batchDurations(db, batchId, now))).catch(() => null)} locale={locale} now={now} />
      </Suspense>
      <Suspense fallback={null}>
        <BatchErrorSummaryStreamed summary={readDb().then((db) => sharedRead(`errors:${batchId}`, INSIGHT_TTL_MS, () => batchErrorSummary(db, batchId))).catch(() => null)} batchId={batchId} locale={locale} now={now} />
      </Suspense>
      <BatchAttributes batch={data.batch} columns={data.batchColumns} />
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

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BatchView } from '@/components/batches/batch-view';
import { ReadSourceNotice } from '@/components/read-source-notice';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isReadOnly, pausesMode } from '@/lib/config';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { readDb, readRoute } from '@/lib/db/read';
import { parseBatchPageQuery } from '@/lib/domain/batch-page-query';
import { parseUuid } from '@/lib/domain/ids';
import { pauseMarking } from '@/lib/domain/settings';
import { isLocale } from '@/lib/i18n/routing';
import { liveEndpoint } from '@/lib/live/views';
import { batchInsight } from '@/lib/queries/batch-insight';
import { loadBatchPage } from '@/lib/queries/batch-page';

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
  const { page, status, inspect, links } = parseBatchPageQuery(search);
  const now = new Date();
  const data = await loadOrUnavailable(async () => loadBatchPage(await readDb(), batchId, { page, status, now, inspect }));
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  if (data === null) notFound();
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <BatchView
        data={data}
        insight={batchInsight(data.batch, data.counts, now)}
        locale={locale}
        now={now}
        links={links}
        liveEndpoint={liveEndpoint(`/api/live/batches/${batchId}`, search, locale)}
        actionsEnabled={!isReadOnly()}
        pausing={pauseMarking(data.pauses, pausesMode())}
      />
    </>
  );
}

import { notFound } from 'next/navigation';
import { getTimeZone, getTranslations, setRequestLocale } from 'next-intl/server';
import { BatchesFilter } from '@/components/batches/batches-filter';
import { BatchesTable } from '@/components/batches/batches-table';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isReadOnly } from '@/lib/config';
import { readDb, readRoute } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { parseBatchFilter } from '@/lib/domain/batch-filter';
import { pageRequestFrom } from '@/lib/domain/paging';
import { isLocale } from '@/lib/i18n/routing';
import { loadBatchesPage } from '@/lib/queries/batches-page';
import { LiveMark } from '@/components/preferences/live-mark';
import { batchesListSignature, liveEndpoint } from '@/lib/live/views';
import { ReadSourceNotice } from '@/components/read-source-notice';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'BatchesPage' });
  return { title: t('title') };
}

export default async function BatchesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const search = await searchParams;
  // Created-at bounds without a zone are read in the zone the page shows times in (the UTC / browser-zone preference).
  const timeZone = await getTimeZone();
  const { filter, params: filterParams, inputs } = parseBatchFilter(search, timeZone);
  const request = pageRequestFrom(search);
  const data = await loadOrUnavailable(async () => loadBatchesPage(await readDb(), filter, request));
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <BatchesFilter locale={locale} filter={filter} inputs={inputs} timeZone={timeZone} callbacks={data.callbacks} count={data.count} />
      <BatchesTable data={data} locale={locale} now={new Date()} filterParams={filterParams} actionsEnabled={!isReadOnly()} />
      <LiveMark endpoint={liveEndpoint('/api/live/batches', { ...search, tz: timeZone }, locale)} {...batchesListSignature(data)} />
    </>
  );
}

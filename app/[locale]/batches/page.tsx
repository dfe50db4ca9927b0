import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BatchesFilter } from '@/components/batches/batches-filter';
import { BatchesTable } from '@/components/batches/batches-table';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isReadOnly } from '@/lib/config';
import { readDb } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { BATCH_STATES, type BatchState } from '@/lib/domain/batch-state';
import { pageRequestFrom } from '@/lib/domain/paging';
import { firstParam } from '@/lib/domain/url';
import { isLocale } from '@/lib/i18n/routing';
import { loadBatchesPage } from '@/lib/queries/batches-page';
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
  const stateParam = firstParam(search.state);
  const state = (BATCH_STATES as readonly string[]).includes(stateParam ?? '') ? (stateParam as BatchState) : null;
  const text = (firstParam(search.q) ?? '').trim().slice(0, 200) || null;
  const request = pageRequestFrom(search);
  const data = await loadOrUnavailable(async () => loadBatchesPage(await readDb(), { state, search: text }, request));
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  return (
    <>
      <ReadSourceNotice />
      <BatchesFilter locale={locale} state={state} search={text} count={data.count} />
      <BatchesTable data={data} locale={locale} now={new Date()} filter={{ state, q: text }} actionsEnabled={!isReadOnly()} />
    </>
  );
}

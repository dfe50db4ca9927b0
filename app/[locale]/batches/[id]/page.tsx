import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BatchAttributes } from '@/components/batches/batch-attributes';
import { BatchHeader } from '@/components/batches/batch-header';
import { BatchJobsSection } from '@/components/batches/batch-jobs-section';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isReadOnly } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { loadOrUnavailable, UNAVAILABLE } from '@/lib/db/load';
import { decodeCursor } from '@/lib/domain/cursor';
import { parseUuid } from '@/lib/domain/ids';
import { isLocale } from '@/lib/i18n/routing';
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
  const query = await searchParams;
  const after = decodeCursor(query.after);
  const now = new Date();
  const data = await loadOrUnavailable(() => loadBatchPage(getDb(), batchId, after, now));
  if (data === UNAVAILABLE) return <DatabaseUnavailable />;
  if (data === null) notFound();
  const inspectAll = query.inspect === 'all';
  const actionsEnabled = !isReadOnly();
  const basePath = `/${locale}/batches/${batchId}`;
  return (
    <>
      <BatchHeader batch={data.batch} counts={data.counts} locale={locale} actionsEnabled={actionsEnabled} />
      <BatchAttributes batch={data.batch} columns={data.batchColumns} />
      {(['callback', 'batched'] as const).map((kind) => (
        <BatchJobsSection
          key={kind}
          kind={kind}
          page={kind === 'callback' ? data.callbackJobs : data.batchedJobs}
          now={now}
          inspectAll={inspectAll}
          basePath={basePath}
          after={after}
          actionsEnabled={actionsEnabled}
        />
      ))}
    </>
  );
}

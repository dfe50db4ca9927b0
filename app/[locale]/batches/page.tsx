import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BatchesTable } from '@/components/batches/batches-table';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { getDb } from '@/lib/db/client';
import { loadOrUnavailable, UNAVAILABLE } from '@/lib/db/load';
import { decodeCursor } from '@/lib/domain/cursor';
import { isLocale } from '@/lib/i18n/routing';
import { listBatches } from '@/lib/queries/batches';

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
  const after = decodeCursor((await searchParams).after);
  const page = await loadOrUnavailable(() => listBatches(getDb(), after));
  if (page === UNAVAILABLE) return <DatabaseUnavailable />;
  return <BatchesTable page={page} locale={locale} now={new Date()} paged={after !== null} />;
}

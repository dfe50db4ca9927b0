import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClassPerformanceView } from '@/components/performance/class-performance-view';
import { ReadSourceNotice } from '@/components/read-source-notice';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { readDb, readRoute } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { parseWindow } from '@/lib/domain/performance';
import { firstParam, nameFromPath } from '@/lib/domain/url';
import { isLocale } from '@/lib/i18n/routing';
import { loadClassPerformance } from '@/lib/queries/performance';

type Props = { params: Promise<{ locale: string; jobClass: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { locale, jobClass } = await params;
  const name = nameFromPath(jobClass);
  if (!isLocale(locale) || name === null) return {};
  const t = await getTranslations({ locale, namespace: 'Performance' });
  return { title: t('classTitle', { jobClass: name }) };
}

export default async function ClassPerformancePage({ params, searchParams }: Props) {
  const { locale, jobClass: param } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const jobClass = nameFromPath(param);
  if (jobClass === null) notFound();
  const window = parseWindow(firstParam((await searchParams).window));
  const now = new Date();
  const data = await loadOrUnavailable(async () => loadClassPerformance(await readDb(), jobClass, { window, now }));
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  if (data === null) notFound();
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <ClassPerformanceView data={data} jobClass={jobClass} window={window} locale={locale} now={now} />
    </>
  );
}

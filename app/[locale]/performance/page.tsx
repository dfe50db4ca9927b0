import { getTimeZone, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PerformanceChart } from '@/components/performance/performance-chart';
import { performanceHref } from '@/components/performance/links';
import { SampledNotice } from '@/components/performance/sampled-notice';
import { StatsTable } from '@/components/performance/stats-table';
import { WindowSwitch } from '@/components/performance/window-switch';
import { ReadSourceNotice } from '@/components/read-source-notice';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { readDb, readRoute } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { parseWindow, zoneOffsetMs } from '@/lib/domain/performance';
import { firstParam } from '@/lib/domain/url';
import { isLocale } from '@/lib/i18n/routing';
import { getPerformanceOverview } from '@/lib/queries/performance';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Performance' });
  return { title: t('title') };
}

export default async function PerformancePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const window = parseWindow(firstParam((await searchParams).window));
  const [t, zone] = await Promise.all([getTranslations('Performance'), getTimeZone()]);
  const timeZone = zone ?? 'UTC';
  const now = new Date();
  const data = await loadOrUnavailable(async () => getPerformanceOverview(await readDb(), { window, now, zoneOffsetMs: zoneOffsetMs(now, timeZone) }));
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  const common = { locale, window, approximate: data.sampled };
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <WindowSwitch current={window} hrefFor={(w) => performanceHref(locale, w)} />
      {data.sampled ? <SampledNotice percent={data.percent} locale={locale} /> : null}
      <PerformanceChart overview={data} locale={locale} timeZone={timeZone} window={window} />
      <section className="card" aria-labelledby="classes-title">
        <h2 id="classes-title">{t('classes')}</h2>
        {data.classes.length === 0 ? <p className="empty">{t('empty')}</p> : <StatsTable rows={data.classes} kind="class" {...common} />}
      </section>
      <section className="card" aria-labelledby="queues-title">
        <h2 id="queues-title">{t('queues')}</h2>
        {data.queues.length === 0 ? <p className="empty">{t('empty')}</p> : <StatsTable rows={data.queues} kind="queue" {...common} />}
      </section>
    </>
  );
}

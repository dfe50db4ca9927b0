import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClassHistogram } from '@/components/performance/class-histogram';
import { ClassSummary } from '@/components/performance/class-summary';
import { classPerformanceHref, performanceHref } from '@/components/performance/links';
import { SampledNotice } from '@/components/performance/sampled-notice';
import { SlowestTable } from '@/components/performance/slowest-table';
import { WindowSwitch } from '@/components/performance/window-switch';
import { ReadSourceNotice } from '@/components/read-source-notice';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { readDb, readRoute } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { parseWindow } from '@/lib/domain/performance';
import { firstParam, nameFromPath } from '@/lib/domain/url';
import { isLocale } from '@/lib/i18n/routing';
import { getClassPerformance, jobClassExists } from '@/lib/queries/performance';

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
  const t = await getTranslations('Performance');
  const now = new Date();
  const data = await loadOrUnavailable(async () => {
    const db = await readDb();
    const [exists, perf] = await Promise.all([jobClassExists(db, jobClass), getClassPerformance(db, jobClass, { window, now })]);
    return exists || perf.stat.executions > 0 ? perf : null;
  });
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  if (data === null) notFound();
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <p>
        <Link href={performanceHref(locale, window)}>{t('back')}</Link>
      </p>
      <h1>
        <span className="job-class">{t('classTitle', { jobClass })}</span>
      </h1>
      <WindowSwitch current={window} hrefFor={(w) => classPerformanceHref(locale, jobClass, w)} />
      {data.sampled ? <SampledNotice percent={data.percent} locale={locale} /> : null}
      {data.stat.executions === 0 ? (
        <p className="empty" data-testid="class-empty">
          {t('emptyClass', { jobClass })}
        </p>
      ) : (
        <>
          <ClassSummary stat={data.stat} locale={locale} approximate={data.sampled} />
          <ClassHistogram buckets={data.histogram} locale={locale} approximate={data.sampled} />
          <SlowestTable rows={data.slowest} locale={locale} now={now} sampled={data.sampled} />
        </>
      )}
    </>
  );
}

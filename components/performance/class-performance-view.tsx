import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { PerformanceWindow } from '@/lib/domain/performance';
import type { ClassPerformance } from '@/lib/read-models/performance';
import { ClassHistogram } from './class-histogram';
import { ClassSummary } from './class-summary';
import { classPerformanceHref, performanceHref } from './links';
import { SampledNotice } from './sampled-notice';
import { SlowestTable } from './slowest-table';
import { WindowSwitch } from './window-switch';

/** One job class over a window: its figures, its duration histogram and its slowest executions. */
export function ClassPerformanceView({ data, jobClass, window, locale, now }: { data: ClassPerformance; jobClass: string; window: PerformanceWindow; locale: string; now: Date }) {
  const t = useTranslations('Performance');
  return (
    <>
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

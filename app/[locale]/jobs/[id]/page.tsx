import { headers } from 'next/headers';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { JobDetail } from '@/components/jobs/job-detail';
import { JobExecutions } from '@/components/jobs/job-executions';
import { PostedResultNotice } from '@/components/jobs/posted-result';
import { parsePostedResult, POSTED_HEADER } from '@/lib/domain/action-result-url';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isReadOnly, pausesMode } from '@/lib/config';
import { readDb, readRoute } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { parseUuid } from '@/lib/domain/ids';
import { isLocale } from '@/lib/i18n/routing';
import { getJob, listExecutions } from '@/lib/queries/jobs';
import { readPausesSetting } from '@/lib/queries/settings';
import { pauseMarking } from '@/lib/domain/settings';
import { ReadSourceNotice } from '@/components/read-source-notice';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'JobPage' });
  return { title: t('title', { id: id.slice(0, 8) }) };
}

export default async function JobPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const jobId = parseUuid(id);
  if (jobId === null) notFound();
  const t = await getTranslations('JobPage');
  const data = await loadOrUnavailable(async () => {
    const db = await readDb();
    const found = await getJob(db, jobId);
    if (!found) return null;
    const [executions, pauses] = await Promise.all([
      found.job.active_job_id ? listExecutions(db, found.job.active_job_id) : { executions: [], total: 0 },
      readPausesSetting(db),
    ]);
    return { ...found, ...executions, pauses };
  });
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  if (data === null) notFound();
  const now = new Date();
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <PostedResultNotice result={parsePostedResult((await headers()).get(POSTED_HEADER))} />
      <JobDetail job={data.job} columns={data.columns} now={now} locale={locale} actionsEnabled={!isReadOnly()} pausing={pauseMarking(data.pauses, pausesMode())} />
      <section aria-labelledby="executions-title">
        <h2 id="executions-title">{t('executions')}</h2>
        <JobExecutions executions={data.executions} total={data.total} now={now} />
      </section>
    </>
  );
}

import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ProcessesTable } from '@/components/processes/processes-table';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { readDb, readRoute } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { processActive } from '@/lib/domain/process-state';
import { isLocale } from '@/lib/i18n/routing';
import { listProcesses } from '@/lib/queries/processes';
import { ReadSourceNotice } from '@/components/read-source-notice';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'ProcessesPage' });
  return { title: t('title') };
}

export default async function ProcessesPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('ProcessesPage');
  const data = await loadOrUnavailable(async () => listProcesses(await readDb()));
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  const now = new Date();
  const active = data.processes.filter((p) => processActive(p, now, data.hasLockType));
  const inactive = data.processes.filter((p) => !processActive(p, now, data.hasLockType));
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <h1>{t('title')}</h1>
      <p className="muted">{t('rule')}</p>
      <section className="card" aria-labelledby="active-title">
        <h2 id="active-title">{t('active')}</h2>
        {active.length === 0 ? <p className="empty">{t('noActive')}</p> : <ProcessesTable processes={active} now={now} testId="active-processes" />}
      </section>
      <section className="card" aria-labelledby="inactive-title">
        <h2 id="inactive-title">{t('inactive')}</h2>
        {inactive.length === 0 ? <p className="empty">{t('noInactive')}</p> : <ProcessesTable processes={inactive} now={now} testId="inactive-processes" />}
      </section>
    </>
  );
}

import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PauseForm } from '@/components/pauses/pause-form';
import { PausesList } from '@/components/pauses/pauses-list';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isReadOnly, pausesMode } from '@/lib/config';
import { readDb, readRoute } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { pauseCount } from '@/lib/domain/settings';
import { isLocale } from '@/lib/i18n/routing';
import { jobFacets } from '@/lib/queries/jobs';
import { readPausesSetting } from '@/lib/queries/settings';
import { ReadSourceNotice } from '@/components/read-source-notice';

type Props = { params: Promise<{ locale: string }> };

const MODE_TEXT = { on: 'modeOn', off: 'modeOff', unknown: 'modeUnknown' } as const;

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Pauses' });
  return { title: t('title') };
}

export default async function PausesPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('Pauses');
  const db = await readDb();
  const data = await loadOrUnavailable(async () => {
    const [pauses, facets] = await Promise.all([readPausesSetting(db), jobFacets(db)]);
    return { pauses, facets };
  });
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  const actionsEnabled = !isReadOnly();
  const names = (facets: { value: string }[]) => facets.map((f) => f.value);
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <p className="notice" data-testid="pauses-mode">
        {t(MODE_TEXT[pausesMode()])}
      </p>
      {actionsEnabled ? (
        <section className="card" aria-labelledby="pause-add">
          <h2 id="pause-add">{t('addTitle')}</h2>
          <PauseForm
            known={{ queue: names(data.facets.queues), job_class: names(data.facets.classes), label: names(data.facets.labels) }}
            labels={{ title: t('addTitle'), kind: t('kind'), kinds: { queue: t('kind_queue'), job_class: t('kind_job_class'), label: t('kind_label') }, value: t('value'), submit: t('add') }}
          />
        </section>
      ) : null}
      {pauseCount(data.pauses) === 0 ? <p className="empty">{t('none')}</p> : <PausesList pauses={data.pauses} actionsEnabled={actionsEnabled} />}
    </>
  );
}

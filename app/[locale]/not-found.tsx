import { useLocale, useTranslations } from 'next-intl';
import { NotFoundView } from '@/components/ui/not-found-view';

export default function LocaleNotFound() {
  const t = useTranslations('ErrorPage');
  const locale = useLocale();
  return <NotFoundView title={t('notFoundTitle')} body={t('notFoundBody')} links={[{ href: `/${locale}/batches`, label: t('backToBatches') }]} />;
}

import { useLocale, useTranslations } from 'next-intl';
import { NotFoundView } from '@/components/ui/not-found-view';
import { routes } from '@/lib/i18n/routes';

export default function LocaleNotFound() {
  const t = useTranslations('ErrorPage');
  const locale = useLocale();
  return <NotFoundView title={t('notFoundTitle')} body={t('notFoundBody')} links={[{ href: routes.batches(locale), label: t('backToBatches') }]} />;
}

import { redirect } from 'next/navigation';
import { routes } from '@/lib/i18n/routes';

export default async function LocaleHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  redirect(routes.batches(locale));
}

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { negotiateLocale } from '@/lib/i18n/locale-path';
import { isLocale } from '@/lib/i18n/routing';
import { routes } from '@/lib/i18n/routes';

// `/` (the proxy answers it first; this covers the bare base path, which Next serves without the proxy).
export default async function Root() {
  const cookieLocale = (await cookies()).get('NEXT_LOCALE')?.value;
  const locale = isLocale(cookieLocale) ? cookieLocale : negotiateLocale((await headers()).get('accept-language'));
  redirect(routes.batches(locale));
}

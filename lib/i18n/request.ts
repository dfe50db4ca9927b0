import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { parseTimeZone, PREFERENCE_COOKIES } from '../domain/preferences';
import { isLocale, routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  const timeZone = parseTimeZone((await cookies()).get(PREFERENCE_COOKIES.timeZone)?.value);
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone,
  };
});

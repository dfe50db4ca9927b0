'use client';

import { useTranslations } from 'next-intl';

// An unexpected failure while rendering: a localized message, never a stack trace (production hides error details).
export default function LocaleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('ErrorPage');
  return (
    <section className="message-page" role="alert" aria-labelledby="message-title">
      <h1 id="message-title">{t('errorTitle')}</h1>
      <p>{t('errorBody')}</p>
      <button type="button" className="button" onClick={reset}>
        {t('tryAgain')}
      </button>
    </section>
  );
}

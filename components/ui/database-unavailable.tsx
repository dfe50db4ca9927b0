import { useTranslations } from 'next-intl';

export function DatabaseUnavailable() {
  const t = useTranslations('ErrorPage');
  return (
    <section className="message-page" role="alert" aria-labelledby="message-title" data-testid="database-unavailable">
      <p className="message-code">503</p>
      <h1 id="message-title">{t('unavailableTitle')}</h1>
      <p>{t('unavailableBody')}</p>
    </section>
  );
}

import { useTranslations } from 'next-intl';
import { answerWithStatus } from '@/lib/response-status';

/** The page in place of one whose reads failed: the database is down, or too busy to answer in time. A real 503. */
export function DatabaseUnavailable({ busy = false }: { busy?: boolean }) {
  const t = useTranslations('ErrorPage');
  answerWithStatus(503, 5);
  return (
    <section className="message-page" role="alert" aria-labelledby="message-title" data-testid={busy ? 'database-busy' : 'database-unavailable'}>
      <p className="message-code">503</p>
      <h1 id="message-title">{t(busy ? 'busyTitle' : 'unavailableTitle')}</h1>
      <p>{t(busy ? 'busyBody' : 'unavailableBody')}</p>
    </section>
  );
}

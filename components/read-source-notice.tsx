import { getLocale, getTranslations } from 'next-intl/server';
import { formatDuration } from '@/lib/domain/format';
import type { ReadSource } from '@/lib/domain/read-source';
import { setting } from '@/lib/env';

/** Replica lag at or above this many seconds is said on every page (DATABASE_REPLICA_LAG_WARN_SECONDS). */
const lagWarnSeconds = () => setting('DATABASE_REPLICA_LAG_WARN_SECONDS');

/**
 * Where this page was read from, when it matters: the replica is down (read from the primary), the primary is down
 * (actions unavailable), the replica lags, or the primary serves this browser until the replica has its last change.
 * Nothing at all without a replica. The page hands over its own request's route (lib/db/read.ts readRoute): a layout
 * is not rendered again on a soft navigation, so a notice there would speak of an earlier page's reads.
 */
export async function ReadSourceNotice({ route: routed }: { route: Promise<ReadSource & { primaryOk: boolean }> }) {
  const route = await routed;
  if (route.reason === 'no_replica') return null;
  const t = await getTranslations('ReadSource');
  const locale = await getLocale();
  const lag = route.lagSeconds ?? 0;
  let text: string | null = null;
  if (route.reason === 'replica_down') text = t('replicaDown');
  else if (!route.primaryOk) text = t('primaryDown');
  else if (route.source === 'replica' && lag >= lagWarnSeconds()) text = t('lagging', { lag: formatDuration(lag * 1000, locale) });
  if (text !== null) {
    return (
      <p className="notice" role="status" data-testid="read-source" data-source={route.source}>
        {text}
      </p>
    );
  }
  if (route.reason === 'catching_up') {
    return (
      <p className="muted" role="status" data-testid="read-source" data-source={route.source}>
        {t('catchingUp')}
      </p>
    );
  }
  return null;
}

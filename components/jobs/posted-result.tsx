import { useTranslations } from 'next-intl';
import { failureMessageKey } from '@/lib/actions/action-state';
import type { PostedResult } from '@/lib/domain/action-result-url';

/** What a job action posted without JavaScript did, said on the page it landed on. */
export function PostedResultNotice({ result }: { result: PostedResult | null }) {
  const t = useTranslations('ActionResult');
  if (result === null) return null;
  return (
    <p className={result.outcome === 'done' ? 'notice notice-ok' : 'notice'} role="status" data-testid="posted-result" data-outcome={result.outcome}>
      {result.outcome === 'done' ? t(result.action, { id: result.jobId }) : t(failureMessageKey(result.outcome, 'job'))}
    </p>
  );
}

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { RelativeTime } from '@/components/ui/relative-time';
import { batchState } from '@/lib/domain/batch-state';
import { encodeCursor } from '@/lib/domain/cursor';
import type { BatchListPage } from '@/lib/queries/batches';
import { BatchStateBadge } from './batch-state-badge';

export function BatchesTable({ page, locale, now, paged }: { page: BatchListPage; locale: string; now: Date; paged: boolean }) {
  const t = useTranslations('BatchesPage');
  return (
    <>
      <h1>{t('title')}</h1>
      {page.batches.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <div className="table-wrap card">
          <table className="batches-table" data-testid="batches">
            <thead>
              <tr>
                <th scope="col">{t('batch')}</th>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('state')}</th>
              </tr>
            </thead>
            <tbody>
              {page.batches.map((b) => (
                <tr key={b.id} data-batch-id={b.id}>
                  <th scope="row">
                    <Link href={`/${locale}/batches/${b.id}`} className="batch-link">
                      <span className="job-id">{b.id}</span>
                      <span className="batch-description">{b.description ?? t('noDescription')}</span>
                    </Link>
                  </th>
                  <td>
                    <RelativeTime value={b.created_at} now={now} />
                  </td>
                  <td>
                    <BatchStateBadge state={batchState(b)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {paged || page.next ? (
        <nav className="pager" aria-label={t('pagination')}>
          {paged ? <Link href={`/${locale}/batches`}>{t('newestPage')}</Link> : null}
          {page.next ? (
            <Link rel="next" href={`/${locale}/batches?after=${encodeCursor(page.next)}`}>
              {t('olderPage')} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

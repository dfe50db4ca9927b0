import { useTranslations } from 'next-intl';
import { Pager } from '@/components/ui/pager';
import { encodeCursor } from '@/lib/domain/cursor';
import { batchRowView } from '@/lib/domain/row-view';
import { hrefWith } from '@/lib/domain/url';
import type { BatchesPageData } from '@/lib/read-models/batches';
import { BatchesTableView } from './batches-table-view';
import { routes } from '@/lib/i18n/routes';

interface Props {
  data: BatchesPageData;
  locale: string;
  now: Date;
  /** The list's filters as URL parameters (null when not set): the pager keeps them. */
  filterParams: Record<string, string | null>;
  actionsEnabled: boolean;
}

export function BatchesTable({ data, locale, now, filterParams, actionsEnabled }: Props) {
  const t = useTranslations('BatchesPage');
  const { page, totals } = data;
  const path = routes.batches(locale);
  const rows = page.rows.map((b) => batchRowView(b, totals.get(b.id), { locale, now }));
  return (
    <>
      {page.rows.length === 0 ? (
        <p className="empty">{Object.values(filterParams).some((v) => v !== null) ? t('noMatch') : t('empty')}</p>
      ) : (
        <BatchesTableView rows={rows} actionsEnabled={actionsEnabled} />
      )}
      <Pager
        label={t('pagination')}
        testId="batches-pager"
        previous={page.prev ? hrefWith(path, { ...filterParams, before: encodeCursor(page.prev) }) : null}
        next={page.next ? hrefWith(path, { ...filterParams, after: encodeCursor(page.next) }) : null}
      />
    </>
  );
}

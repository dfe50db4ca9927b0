import { useTranslations } from 'next-intl';
import { hrefWith } from '@/lib/domain/url';
import { documentHref } from '@/lib/i18n/routes';

/**
 * Download links for a list's jobs (CSV, NDJSON): plain links to the export routes, under the base path when there is
 * one. `path` is the route without its extension (`/api/jobs`, `/api/batches/{id}/jobs`).
 */
export function ExportLinks({ path, params = {}, title }: { path: string; params?: Record<string, string | null>; title: string }) {
  const t = useTranslations('Export');
  return (
    <span className="export-links" title={title} data-testid="export-links">
      {t('label')}:{' '}
      <a href={documentHref(hrefWith(`${path}.csv`, params))} download data-testid="export-csv">
        {t('csv')}
      </a>{' '}
      ·{' '}
      <a href={documentHref(hrefWith(`${path}.ndjson`, params))} download data-testid="export-ndjson">
        {t('ndjson')}
      </a>
    </span>
  );
}

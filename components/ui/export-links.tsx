import { useTranslations } from 'next-intl';
import { hrefWith } from '@/lib/domain/url';
import { BASE_PATH } from '@/lib/base-path';

/**
 * Download links for a list's jobs (CSV, NDJSON): plain links to the export routes, under the base path when there is
 * one. `path` is the route without its extension (`/api/jobs`, `/api/batches/{id}/jobs`).
 */
export function ExportLinks({ path, params = {}, title }: { path: string; params?: Record<string, string | null>; title: string }) {
  const t = useTranslations('Export');
  const prefix = BASE_PATH;
  return (
    <span className="export-links" title={title} data-testid="export-links">
      {t('label')}:{' '}
      <a href={hrefWith(`${prefix}${path}.csv`, params)} download data-testid="export-csv">
        {t('csv')}
      </a>{' '}
      ·{' '}
      <a href={hrefWith(`${prefix}${path}.ndjson`, params)} download data-testid="export-ndjson">
        {t('ndjson')}
      </a>
    </span>
  );
}

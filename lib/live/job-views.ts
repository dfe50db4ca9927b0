import 'server-only';
import { getTranslations } from 'next-intl/server';
import { pausesMode } from '../config';
import { jobInspectJson } from '../domain/inspect-json';
import { jobRowView, pausedView, type JobRowView } from '../domain/row-view';
import { pauseMarking, type Pauses } from '../domain/settings';
import type { Locale } from '../i18n/routing';
import type { JobRow } from '../queries/columns';

/** A live endpoint's job rows, as the page's table draws them (see components/jobs/jobs-table.tsx). */
export async function jobViews(rows: readonly JobRow[], options: { locale: Locale; now: Date; pauses: Pauses; listContext: boolean; columns?: readonly string[] }): Promise<JobRowView[]> {
  const tp = await getTranslations({ locale: options.locale, namespace: 'Pauses' });
  const paused = pausedView(pauseMarking(options.pauses, pausesMode()), { marker: tp('marker'), markerIfEnabled: tp('markerIfEnabled'), reason: (kind, value) => tp(`reason_${kind}`, { value }) });
  const columns = options.columns;
  return rows.map((job) =>
    jobRowView(job, options, { listContext: options.listContext, paused, json: columns ? () => jobInspectJson(job, job.serialized_params_text, columns) : undefined }),
  );
}

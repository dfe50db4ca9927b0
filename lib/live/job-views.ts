import 'server-only';
import { getTranslations } from 'next-intl/server';
import { pausesMode } from '../config';
import { jobRowViews, pausedWords, type JobRowView } from '../domain/row-view';
import { pauseMarking, type Pauses } from '../domain/settings';
import type { Locale } from '../i18n/routing';
import type { JobRow } from '../read-models/rows';

/** A live endpoint's job rows, as the page's table draws them (see components/jobs/jobs-table.tsx). */
export async function jobViews(rows: readonly JobRow[], options: { locale: Locale; now: Date; pauses: Pauses; listContext: boolean; columns?: readonly string[] }): Promise<JobRowView[]> {
  const words = pausedWords(await getTranslations({ locale: options.locale, namespace: 'Pauses' }));
  return jobRowViews(rows, options, { listContext: options.listContext, pausing: pauseMarking(options.pauses, pausesMode()), words, inspectColumns: options.columns });
}

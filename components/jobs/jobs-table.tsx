import { useLocale, useTranslations } from 'next-intl';
import { jobRowViews, pausedWords } from '@/lib/domain/row-view';
import type { PauseMarking } from '@/lib/domain/settings';
import type { JobRow } from '@/lib/read-models/rows';
import { JobsTableView } from './jobs-table-view';

interface JobsTableProps {
  jobs: readonly JobRow[];
  /** The good_jobs columns in table order, for the Inspect JSON. */
  columns: readonly string[];
  now: Date;
  caption: string;
  /** Render every Inspect section open (the "Inspect all" link, which works without JavaScript). */
  inspectAll: boolean;
  testId: string;
  /** The page to refresh after an action; null hides the actions (read-only mode). */
  actionsPath: string | null;
  /** Jobs list: each row also shows its error line and batch link, and a checkbox for bulk actions. */
  listContext?: { locale: string; selectable: boolean };
  /** Marks jobs that wait behind a pause; null marks nothing. */
  pausing: PauseMarking | null;
}

/** The jobs' rows as data (formatted here, in the page's locale), drawn by the table component. */
export function JobsTable({ jobs, columns, now, caption, inspectAll, testId, actionsPath, listContext, pausing }: JobsTableProps) {
  const locale = useLocale();
  const words = pausedWords(useTranslations('Pauses'));
  const rows = jobRowViews(jobs, { locale, now }, { listContext: listContext !== undefined, pausing, words, inspectColumns: inspectAll ? columns : undefined });
  return <JobsTableView rows={rows} caption={caption} testId={testId} actionsPath={actionsPath} list={listContext ? { selectable: listContext.selectable } : null} inspectAll={inspectAll} />;
}

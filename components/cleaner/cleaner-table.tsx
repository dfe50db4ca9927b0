import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Breakable } from '@/components/ui/breakable';
import { cellLabels } from '@/components/ui/cell-labels';
import { STEP_SIZE } from '@/lib/domain/job-run';
import { CLEANER_NAME_CHARS, CLEANER_WINDOWS, cleanerCountHref, cleanerGroupFilter, filterableName, type CleanerKind } from '@/lib/domain/cleaner';
import { clip, formatNumber } from '@/lib/domain/format';
import type { CleanerTable as Table } from '@/lib/read-models/cleaner';
import type { CleanerGroup } from '@/lib/read-models/cleaner';
import type { CleanerCounts } from '@/lib/read-models/cleaner';
import { CLEANER_GROUP_LIMIT } from '@/lib/read-models/cleaner';
import { GroupActions } from './group-actions';

/** The count columns' keys: the cells' classes and their labels on a phone (`--label-<key>`). */
const COLUMN_KEYS = ['all', ...CLEANER_WINDOWS.map((w) => w.key)] as const;

interface Props {
  kind: CleanerKind;
  table: Table;
  /** Per column: the counts are exact (else lower bounds, shown "≥ n"). */
  exact: readonly boolean[];
  /** Per column: where its window starts (null: All). */
  starts: readonly (Date | null)[];
  locale: string;
  actionsEnabled: boolean;
}

/** One of GoodJob's two Cleaner tables: a row per group, a count per column (each linking to its jobs), a Total row. */
export function CleanerTable({ kind, table, exact, starts, locale, actionsEnabled }: Props) {
  const t = useTranslations('Cleaner');
  const titleId = `cleaner-${kind}-title`;
  const count = (value: number, column: number, href: string | null) => {
    const text = exact[column] ? formatNumber(value, locale) : t('atLeast', { count: value });
    const title = exact[column] ? undefined : t('atLeastTitle');
    // A zero that is exact has nothing to open; a lower bound may.
    if (href === null || (value === 0 && exact[column])) return <span className={value === 0 ? 'muted' : undefined} title={title}>{text}</span>;
    return (
      <Link href={href} prefetch={false} title={title} className={value === 0 ? 'muted' : undefined}>
        {text}
      </Link>
    );
  };
  const cells = (counts: CleanerCounts, name: string | null, linked: boolean) =>
    counts.map((value, i) => (
      <td key={i} className={`num cell-${COLUMN_KEYS[i]}`} data-column={i} data-lower-bound={exact[i] ? undefined : 'true'}>
        {count(value, i, linked ? cleanerCountHref(locale, kind, name, starts[i] ?? null) : null)}
      </td>
    ));
  // "Retry 12 discarded jobs of class X?"; more than one step's worth (or a lower bound): all of them, step by step.
  const questions = (group: CleanerGroup, name: string) => {
    const all = group.counts[0];
    if (exact[0] && all <= STEP_SIZE) return { retry: t('confirmRetry', { kind, name, count: all }), destroy: t('confirmDestroy', { kind, name, count: all }) };
    const total = exact[0] ? formatNumber(all, locale) : t('atLeast', { count: all });
    return { retry: t('confirmRetryMany', { kind, name, step: STEP_SIZE, total }), destroy: t('confirmDestroyMany', { kind, name, step: STEP_SIZE, total }) };
  };
  return (
    <section className="card" aria-labelledby={titleId} data-testid={`cleaner-${kind}`}>
      <h2 id={titleId}>{t(kind === 'class' ? 'byClass' : 'byException')}</h2>
      <div className="table-wrap">
        <table className="cleaner-table stack-table" style={cellLabels(Object.fromEntries(COLUMN_KEYS.map((key) => [key, t(key)])))}>
          <thead>
            <tr>
              <th scope="col">{t(kind === 'class' ? 'class' : 'exception')}</th>
              <th scope="col" className="num">
                {t('all')}
              </th>
              {CLEANER_WINDOWS.map((w) => (
                <th key={w.key} scope="col" className="num">
                  {t(w.key)}
                </th>
              ))}
              {actionsEnabled ? (
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {table.groups.map((group, i) => {
              const name = filterableName(group.name, group.clipped) ? group.name : null;
              return (
                <tr key={i} data-group={group.name ?? undefined}>
                  <th scope="row" className="mono cell-name cleaner-name">
                    {group.name === null ? <span className="muted">{t('noClass')}</span> : group.clipped ? clip(group.name, CLEANER_NAME_CHARS) : <Breakable name={group.name} />}
                  </th>
                  {cells(group.counts, name, name !== null)}
                  {actionsEnabled ? (
                    <td className="actions-col">
                      {name !== null ? (
                        <GroupActions locale={locale} filter={cleanerGroupFilter(kind, name)} labels={{ retry: t('retryAll'), destroy: t('destroyAll') }} questions={questions(group, name)} />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr data-total="true">
              <th scope="row" className="cell-name">
                {t('total')}
              </th>
              {cells(table.total, null, true)}
              {actionsEnabled ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </div>
      {table.hiddenGroups > 0 ? <p className="muted">{t('hiddenGroups', { count: table.hiddenGroups, limit: CLEANER_GROUP_LIMIT })}</p> : null}
    </section>
  );
}

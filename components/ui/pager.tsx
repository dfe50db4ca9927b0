import { useTranslations } from 'next-intl';
import Link from 'next/link';

interface PagerProps {
  /** What the pages are of ("Jobs pages"): the navigation's accessible name. */
  label: string;
  previous: string | null;
  next: string | null;
  testId?: string;
}

/**
 * Keyset paging links with rel="prev" / rel="next", worded the same in every list ("previous page" / "next page"): the
 * order differs by list and by state, so the words say where in the list, not newer or older.
 */
export function Pager({ label, previous, next, testId }: PagerProps) {
  const t = useTranslations('Pager');
  if (!previous && !next) return null;
  return (
    <nav className="pager" aria-label={label} data-testid={testId}>
      {previous ? (
        <Link rel="prev" href={previous}>
          ← {t('previous')}
        </Link>
      ) : null}
      {next ? (
        <Link rel="next" href={next}>
          {t('next')} →
        </Link>
      ) : null}
    </nav>
  );
}

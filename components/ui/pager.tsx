import Link from 'next/link';

interface PagerProps {
  label: string;
  newer: { href: string | null; label: string };
  older: { href: string | null; label: string };
  testId?: string;
}

/** Keyset paging links with rel="prev" / rel="next" (newer / older rows). */
export function Pager({ label, newer, older, testId }: PagerProps) {
  if (!newer.href && !older.href) return null;
  return (
    <nav className="pager" aria-label={label} data-testid={testId}>
      {newer.href ? (
        <Link rel="prev" href={newer.href}>
          ← {newer.label}
        </Link>
      ) : null}
      {older.href ? (
        <Link rel="next" href={older.href}>
          {older.label} →
        </Link>
      ) : null}
    </nav>
  );
}

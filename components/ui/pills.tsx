import Link from 'next/link';

/** Label pills; with `hrefFor`, each one links to the list filtered by it (as GoodJob's do). */
export function Pills({ values, hrefFor }: { values: readonly string[] | null; hrefFor?: (value: string) => string }) {
  if (!values || values.length === 0) return null;
  return (
    <ul className="pills">
      {values.map((v, i) => (
        <li key={`${i}-${v}`} className="pill" title={v}>
          {hrefFor ? <Link href={hrefFor(v)}>{v}</Link> : v}
        </li>
      ))}
    </ul>
  );
}

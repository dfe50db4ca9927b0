export function Pills({ values }: { values: readonly string[] | null }) {
  if (!values || values.length === 0) return null;
  return (
    <ul className="pills">
      {values.map((v, i) => (
        <li key={`${i}-${v}`} className="pill" title={v}>
          {v}
        </li>
      ))}
    </ul>
  );
}

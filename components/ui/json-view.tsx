/** Pre-formatted JSON, rendered as text (React escapes it: arguments and errors are user data, never markup). */
export function JsonView({ json, label }: { json: string; label?: string }) {
  return (
    <pre className="json" tabIndex={0} aria-label={label}>
      <code>{json}</code>
    </pre>
  );
}

import type { RunState } from '@/lib/actions/action-state';

/** Form fields as hidden inputs: what a form posts besides what the user chose. */
export function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** What a step posted without JavaScript did, said where its form is (the page the post answered with). */
export function PostedRunNotice({ posted }: { posted: RunState }) {
  if (!posted.message) return null;
  return (
    <p className={posted.outcome === 'done' ? 'notice notice-ok' : 'notice'} role="status" data-testid="posted-result" data-outcome={posted.outcome ?? undefined}>
      {posted.message}
    </p>
  );
}

'use client';

import { useEffect, useState, type ReactNode } from 'react';

const KEY = 'gjd-dismissed-notices';

/** A notice the operator can dismiss; remembered in this browser until what it says changes (its id). */
export function DismissableNotice({ id, dismissLabel, children }: { id: string; dismissLabel: string; children: ReactNode }) {
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    // Read after hydration: the server cannot know what this browser dismissed.
    if ((localStorage.getItem(KEY) ?? '').split('\n').includes(id)) setDismissed(true); // eslint-disable-line react-hooks/set-state-in-effect
  }, [id]);
  if (dismissed) return null;
  return (
    <aside className="notice health-notice" role="note" data-testid="health-notice">
      <div>{children}</div>
      <button
        type="button"
        className="button"
        onClick={() => {
          localStorage.setItem(KEY, [...(localStorage.getItem(KEY) ?? '').split('\n').filter(Boolean), id].join('\n'));
          setDismissed(true);
        }}
      >
        {dismissLabel}
      </button>
    </aside>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

/** A result stays long enough to be read, then makes room (screen readers have announced it already). */
const SHOWN_FOR_MS = 12_000;
import type { ActionState } from '@/lib/actions/action-state';

type Announce = (state: ActionState) => void;
const AnnouncerContext = createContext<Announce>(() => undefined);

export const useAnnounce = () => useContext(AnnouncerContext);

/** The page's one aria-live region for action results: it outlives the row the action removed or changed. */
export function ActionAnnouncer({ children }: { children: ReactNode }) {
  const t = useTranslations('ActionResult');
  const [last, setLast] = useState<ActionState | null>(null);
  const announce = useCallback<Announce>((state) => setLast(state), []);
  useEffect(() => {
    if (!last) return;
    const timer = setTimeout(() => setLast(null), SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [last]);
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div className="announcer" role="status" aria-live="polite" data-testid="action-result">
        {last?.message ? (
          <p className={`toast toast-${last.outcome === 'done' ? 'ok' : 'bad'}`} data-outcome={last.outcome}>
            <span>{last.message}</span>
            <button type="button" className="toast-close" onClick={() => setLast(null)}>
              {t('dismiss')}
            </button>
          </p>
        ) : null}
      </div>
    </AnnouncerContext.Provider>
  );
}

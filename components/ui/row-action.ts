'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useRef, useState, useTransition } from 'react';
import { INITIAL_ACTION_STATE, type ActionState } from '@/lib/actions/action-state';
import { useAnnounce } from './action-announcer';

type ServerAction = (previous: ActionState, form: FormData) => Promise<ActionState>;

/**
 * Runs a server action for the row a user picked (a table has one of these, not a form per row) and announces its
 * answer in the page's aria-live region, which outlives the row when the answer removes or changes it.
 */
export function useRowAction() {
  const announce = useAnnounce();
  const router = useRouter();
  const seq = useRef(0);
  const [pending, startTransition] = useTransition();
  const [pendingRow, setPendingRow] = useState<string | null>(null);
  const run = useCallback(
    (row: string, serverAction: ServerAction, fields: Record<string, string>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.set(name, value);
      setPendingRow(row);
      startTransition(async () => {
        const answer = await serverAction({ ...INITIAL_ACTION_STATE, seq: seq.current }, data);
        seq.current = answer.seq;
        announce(answer);
        setPendingRow(null);
        // The action's answer carries the page as it re-rendered it; a change is read once more by a request of its
        // own, which carries the cookies the action set (with a replica: read your write from the primary).
        if (answer.outcome === 'done') router.refresh();
      });
    },
    [announce, router],
  );
  return { run, pendingRow: pending ? pendingRow : null };
}

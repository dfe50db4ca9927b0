'use client';

import type { ReactNode } from 'react';
import { useHydrated } from './use-hydrated';
import { documentHref } from '@/lib/i18n/routes';

interface LinkButtonProps {
  /** Without JavaScript: an ordinary link to this page (a route: lib/i18n/routes.ts), where the same thing is a plain form. */
  href: string;
  onPress: () => void;
  className: string;
  testId: string;
  /** The accessible name, when the text alone does not say which row. */
  name?: string;
  /** Once a button: that it opens a menu, and whether it is open. */
  menu?: { open: boolean };
  /** Marks the open menu's button (the table's menu finds it for focus and outside clicks). */
  menuFor?: string;
  children: ReactNode;
}

/**
 * A link that becomes a button once JavaScript runs: a click or Space (as on a button) or Enter calls `onPress`
 * instead of following it. Rows of a table use it so that they work, as links, without JavaScript.
 */
export function LinkButton({ href, onPress, className, testId, name, menu, menuFor, children }: LinkButtonProps) {
  const hydrated = useHydrated();
  const asButton = hydrated ? { role: 'button', ...(menu ? { 'aria-haspopup': 'menu' as const, 'aria-expanded': menu.open } : {}) } : {};
  return (
    <a
      className={className}
      href={documentHref(href)}
      aria-label={name}
      data-testid={testId}
      data-menu-for={menuFor}
      {...asButton}
      onClick={(event) => {
        event.preventDefault();
        onPress();
      }}
      onKeyDown={(event) => {
        // A button answers Space as well as Enter.
        if (event.key !== ' ') return;
        event.preventDefault();
        onPress();
      }}
    >
      {children}
    </a>
  );
}

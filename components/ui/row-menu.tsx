'use client';

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { LinkButton } from './link-button';

/**
 * Which row's menu is open: one at a time per table. A click outside it or Escape closes it (Escape gives the focus
 * back to the row's menu button).
 */
export function useRowMenu() {
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    if (open === null) return;
    const button = () => document.querySelector<HTMLElement>(`[data-menu-for="${CSS.escape(open)}"]`);
    const onPointer = (event: PointerEvent) => {
      if (!button()?.parentElement?.contains(event.target as Node)) setOpen(null);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      button()?.focus();
      setOpen(null);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const toggle = useCallback((row: string) => setOpen((current) => (current === row ? null : row)), []);
  const close = useCallback(() => setOpen(null), []);
  return { open, toggle, close };
}

interface RowMenuProps {
  row: string;
  open: boolean;
  onToggle: (row: string) => void;
  /** Without JavaScript the button is a link to this page, where the actions are plain forms. */
  href: string;
  label: string;
  /** The button's accessible name, naming the row. */
  name: string;
  testId: string;
  children: ReactNode;
}

/** A row's actions button: with JavaScript it opens the table's one menu at this row; without it, it is a link. */
export function RowMenu({ row, open, onToggle, href, label, name, testId, children }: RowMenuProps) {
  return (
    <div className="menu">
      <LinkButton className="menu-button" href={href} name={name} testId={testId} menu={{ open }} menuFor={open ? row : undefined} onPress={() => onToggle(row)}>
        {label}
      </LinkButton>
      {open ? (
        <div className="menu-items" role="menu">
          {children}
        </div>
      ) : null}
    </div>
  );
}

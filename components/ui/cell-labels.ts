import type { CSSProperties } from 'react';
import { cssString } from '@/lib/domain/css-string';

/**
 * The labels a table's cells show before their value on a phone, where the column heads are hidden (globals.css reads
 * them with `content: var(--label-…)`): written once on the table, not once per row.
 */
export function cellLabels(labels: Record<string, string>): CSSProperties {
  const style: Record<string, string> = {};
  for (const [name, text] of Object.entries(labels)) style[`--label-${name}`] = cssString(text);
  return style as CSSProperties;
}

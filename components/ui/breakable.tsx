import { Fragment } from 'react';
import { breakParts } from '@/lib/domain/break-points';

/** A name that wraps only at its joints (`::`, `_`, `.`, `-`): a <wbr> after each one. */
export function Breakable({ name }: { name: string | null }) {
  if (name === null) return null;
  const parts = breakParts(name);
  if (parts.length < 2) return name;
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

'use client';

import { useEffect } from 'react';
import { setLiveMark, type LiveMarkValue } from './live-store';

/**
 * Tells live updates how to check this page cheaply: the endpoint that answers for it and the signature it was
 * rendered with (the first check is a 304 when nothing changed since). Renders nothing.
 */
export function LiveMark(props: LiveMarkValue) {
  const { endpoint, tag, others } = props;
  useEffect(() => {
    setLiveMark({ endpoint, tag, others });
    return () => setLiveMark(null);
  }, [endpoint, tag, others]);
  return null;
}

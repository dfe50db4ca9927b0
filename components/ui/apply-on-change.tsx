'use client';

import { useEffect, useRef } from 'react';

/**
 * Inside a filter form: a changed select applies the form at once, as the state tabs do. Without JavaScript nothing
 * happens here and the form's Apply button does the same.
 */
export function ApplyOnChange() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const apply = (event: Event) => {
      if (event.target instanceof HTMLSelectElement) form.requestSubmit();
    };
    form.addEventListener('change', apply);
    return () => form.removeEventListener('change', apply);
  }, []);
  return <span ref={marker} hidden />;
}

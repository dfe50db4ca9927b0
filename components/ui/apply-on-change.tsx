'use client';

import { useEffect, useRef } from 'react';

const defaultValue = (select: HTMLSelectElement) => Array.from(select.options).find((o) => o.defaultSelected)?.value ?? select.options[0]?.value;

/**
 * Inside a filter form: a changed select or checkbox applies the form at once, as the state tabs do. Without JavaScript nothing
 * happens here and the form's Apply button does the same. A select changed before the page came alive is applied
 * when it does. The form is marked `data-applies-on-change` from then on.
 */
export function ApplyOnChange() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const apply = (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox')) form.requestSubmit();
    };
    form.addEventListener('change', apply);
    form.dataset.appliesOnChange = '';
    if (Array.from(form.querySelectorAll('select')).some((s) => s.value !== defaultValue(s))) form.requestSubmit();
    return () => {
      form.removeEventListener('change', apply);
      delete form.dataset.appliesOnChange;
    };
  }, []);
  return <span ref={marker} hidden />;
}

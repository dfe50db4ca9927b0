'use client';

import { useRouter } from 'next/navigation';
import { useCallback, type MouseEvent } from 'react';
import { routeOfHref } from '@/lib/i18n/routes';

/**
 * One click handler for every link of a table (rows are plain `<a>`s, not one `next/link` island each): a plain
 * left click on a link of ours navigates in place; a modified click, a download or another target does what the
 * browser does. Without JavaScript the links are ordinary links.
 */
export function useTableLinks() {
  const router = useRouter();
  return useCallback(
    (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element).closest('a[href]');
      const href = link?.getAttribute('href');
      if (!link || !href?.startsWith('/') || href.startsWith('//') || link.hasAttribute('download') || link.getAttribute('target')) return;
      event.preventDefault();
      router.push(routeOfHref(href));
    },
    [router],
  );
}

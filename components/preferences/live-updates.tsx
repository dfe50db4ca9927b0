'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { PREFERENCE_COOKIES } from '@/lib/domain/preferences';
import { liveRefreshOptions } from '@/lib/query-options';
import { setPreferenceCookie } from './cookie';

/**
 * Live updates: while on, React Query ticks every few seconds (never while the tab is hidden) and each tick
 * re-renders the current page's server data in place: tables, badges and counts. Off by default, remembered.
 */
export function LiveUpdates({ initial }: { initial: boolean }) {
  const t = useTranslations('Nav');
  const router = useRouter();
  const [on, setOn] = useState(initial);
  useQuery({ ...liveRefreshOptions(() => router.refresh()), enabled: on });
  return (
    <label className="nav-setting nav-toggle">
      <input
        type="checkbox"
        role="switch"
        checked={on}
        data-testid="live-updates"
        onChange={(event) => {
          setOn(event.target.checked);
          setPreferenceCookie(PREFERENCE_COOKIES.live, event.target.checked ? '1' : '0');
        }}
      />
      <span>{t('live')}</span>
    </label>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { PREFERENCE_COOKIES } from '@/lib/domain/preferences';
import { setPreferenceCookie } from './cookie';

const LivePoller = dynamic(() => import('./live-poller'), { ssr: false });

/** Live updates: off by default, remembered; while on, the page's tables, badges and counts refresh in place. */
export function LiveUpdates({ initial }: { initial: boolean }) {
  const t = useTranslations('Nav');
  const [on, setOn] = useState(initial);
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
      {on ? <LivePoller /> : null}
    </label>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { PREFERENCE_COOKIES } from '@/lib/domain/preferences';
import { setPreferenceCookie } from './cookie';

/** UTC or the browser's zone for every absolute time; the server renders times in the remembered zone. */
export function TimeZoneSwitch({ initial }: { initial: string }) {
  const t = useTranslations('Nav');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [mode, setMode] = useState(initial === 'UTC' ? 'utc' : 'local');
  return (
    <label className="nav-setting">
      <span>{t('timeZone')}</span>
      <select
        value={mode}
        data-testid="time-zone-switch"
        onChange={(event) => {
          const next = event.target.value;
          setMode(next);
          const zone = next === 'utc' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone;
          setPreferenceCookie(PREFERENCE_COOKIES.timeZone, zone);
          startTransition(() => router.refresh());
        }}
      >
        <option value="utc">{t('timeZoneUtc')}</option>
        <option value="local">{t('timeZoneLocal')}</option>
      </select>
    </label>
  );
}

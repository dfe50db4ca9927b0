'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { PREFERENCE_COOKIES, THEMES, type Theme } from '@/lib/domain/preferences';
import { setPreferenceCookie } from './cookie';

const LABELS = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const;

export function ThemeSwitch({ initial }: { initial: Theme }) {
  const t = useTranslations('Nav');
  const [theme, setTheme] = useState(initial);
  return (
    <label className="nav-setting">
      <span>{t('theme')}</span>
      <select
        value={theme}
        data-testid="theme-switch"
        onChange={(event) => {
          const next = event.target.value as Theme;
          setTheme(next);
          setPreferenceCookie(PREFERENCE_COOKIES.theme, next);
          document.documentElement.dataset.theme = next;
        }}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(LABELS[value])}
          </option>
        ))}
      </select>
    </label>
  );
}

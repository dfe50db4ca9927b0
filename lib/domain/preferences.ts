// Per-browser display preferences, kept in cookies so that the server renders the right theme and times at once
// (no flash of the wrong theme, no times that change after load).

export const PREFERENCE_COOKIES = { theme: 'gjd-theme', timeZone: 'gjd-tz', live: 'gjd-live' } as const;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

/** An IANA time zone the runtime knows, else UTC. */
export function parseTimeZone(value: string | undefined): string {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

export function parseLive(value: string | undefined): boolean {
  return value === '1';
}

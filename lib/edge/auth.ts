// HTTP Basic sign-in for the dashboard: pure helpers, used by proxy.ts for every request.

export interface Credentials {
  username: string;
  password: string;
}

/** Credentials from DASHBOARD_USERNAME / DASHBOARD_PASSWORD, or null when sign-in is off. */
export function credentialsFrom(env: Record<string, string | undefined>): Credentials | null {
  const username = env.DASHBOARD_USERNAME ?? '';
  const password = env.DASHBOARD_PASSWORD ?? '';
  return username && password ? { username, password } : null;
}

/** Compares two strings in time that depends only on their lengths' maximum, not on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  const length = Math.max(x.length, y.length);
  let diff = x.length ^ y.length;
  for (let i = 0; i < length; i += 1) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** The user name when the Authorization header carries the right credentials, else null. */
export function authenticate(header: string | null, expected: Credentials): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]!), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  // Both comparisons always run, so timing does not tell which part was wrong.
  const userOk = safeEqual(user, expected.username);
  const passwordOk = safeEqual(password, expected.password);
  return userOk && passwordOk ? user : null;
}

export const REALM = 'GoodJob Dashboard';

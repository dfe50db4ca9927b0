import type { PerformanceWindow } from '@/lib/domain/performance';
import { DEFAULT_WINDOW } from '@/lib/domain/performance';

/** The window as a query string (none for the default window). */
const windowQuery = (window: PerformanceWindow) => (window === DEFAULT_WINDOW ? '' : `?window=${window}`);

/** The Performance page in a window. */
export const performanceHref = (locale: string, window: PerformanceWindow) => `/${locale}/performance${windowQuery(window)}`;

/** A job class's page in a window; the class name (user data) percent-encoded as one path segment. */
export const classPerformanceHref = (locale: string, jobClass: string, window: PerformanceWindow) =>
  `/${locale}/performance/${encodeURIComponent(jobClass)}${windowQuery(window)}`;

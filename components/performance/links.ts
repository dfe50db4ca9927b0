import type { PerformanceWindow } from '@/lib/domain/performance';
import { DEFAULT_WINDOW } from '@/lib/domain/performance';
import { routes } from '@/lib/i18n/routes';

/** The window as a query (none for the default window). */
const windowQuery = (window: PerformanceWindow) => ({ window: window === DEFAULT_WINDOW ? null : window });

/** The Performance page in a window. */
export const performanceHref = (locale: string, window: PerformanceWindow) => routes.performance(locale, windowQuery(window));

/** A job class's page in a window; the class name (user data) percent-encoded as one path segment. */
export const classPerformanceHref = (locale: string, jobClass: string, window: PerformanceWindow) => routes.jobClassPerformance(locale, jobClass, windowQuery(window));

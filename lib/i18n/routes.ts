// Every page's address in one place. A route is the path inside the app (`/ru/jobs?state=discarded`): what next/link,
// the router, redirect() and revalidatePath() take, and what an action's form names as its page. A plain <a href>, an
// SVG link or a <form action> goes to the browser as it is, so it takes documentHref(route), with the base path.
import { BASE_PATH } from '../base-path';
import { hrefWith } from '../domain/url';

type Query = Record<string, string | null | undefined>;

/** A name from user data (a cron key, a job class) as one path segment. */
const segment = (name: string) => encodeURIComponent(name);

export const routes = {
  batches: (locale: string, query: Query = {}) => hrefWith(`/${locale}/batches`, query),
  batch: (locale: string, id: string) => `/${locale}/batches/${id}`,
  jobs: (locale: string, query: Query = {}) => hrefWith(`/${locale}/jobs`, query),
  job: (locale: string, id: string) => `/${locale}/jobs/${id}`,
  processes: (locale: string) => `/${locale}/processes`,
  performance: (locale: string, query: Query = {}) => hrefWith(`/${locale}/performance`, query),
  jobClassPerformance: (locale: string, jobClass: string, query: Query = {}) => hrefWith(`/${locale}/performance/${segment(jobClass)}`, query),
  cleaner: (locale: string) => `/${locale}/cleaner`,
  cron: (locale: string) => `/${locale}/cron`,
  cronKey: (locale: string, key: string) => `/${locale}/cron/${segment(key)}`,
  pauses: (locale: string) => `/${locale}/pauses`,
} as const;

/** A route as the browser needs it where no Next component adds the base path (plain links, SVG links, form actions). */
export function documentHref(route: string, basePath = BASE_PATH): string {
  return `${basePath}${route}`;
}

/** The route a plain link of ours points at: its href without the base path (what the router takes). */
export function routeOfHref(href: string, basePath = BASE_PATH): string {
  const under = basePath !== '' && (href === basePath || href.startsWith(`${basePath}/`) || href.startsWith(`${basePath}?`));
  return under ? href.slice(basePath.length) || '/' : href;
}

import { z } from 'zod';
import { LOCALES } from '../i18n/routing';

const locales = LOCALES.join('|');

/** The page an action refreshes afterwards: a path of ours under a locale, nothing else. */
export const pagePath = z.string().max(300).regex(new RegExp(`^/(?:${locales})(?:/[A-Za-z0-9_-]+)*$`));

/** The pages whose bulk actions run over a filter: the jobs list and the Discard Cleaner. */
export const bulkPagePath = z.string().max(300).regex(new RegExp(`^/(?:${locales})/(?:jobs|cleaner)$`));

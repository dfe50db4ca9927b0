import type { AbstractIntlMessages } from 'next-intl';

/**
 * What client components say, and only that, goes to the browser (every page's payload carries it): whole namespaces
 * where every key is said in the browser, else the keys that are. The rest is rendered on the server.
 */
const CLIENT_MESSAGES: Record<string, readonly string[] | 'all'> = {
  Nav: ['live', 'theme', 'themeLight', 'themeDark', 'themeSystem', 'timeZone', 'timeZoneUtc', 'timeZoneLocal'],
  JobsTable: 'all',
  JobStatus: 'all',
  BatchesTable: 'all',
  BatchState: 'all',
  JobAction: 'all',
  ConfirmAction: ['retry', 'discard', 'forceDiscard', 'reschedule', 'destroy', 'retryBatch', 'discardBatch', 'title', 'cancel', 'working'],
  ActionResult: ['dismiss'],
  Bulk: ['title', 'action', 'scopeSelected', 'scopeFilter', 'scopeFilterAbout', 'scopeEverything', 'scopeEverythingAbout', 'applyTo', 'steps', 'confirm'],
  Run: ['title', 'progress', 'stop', 'stopping', 'continue', 'stoppedByYou', 'noAnswer'],
  BatchActions: 'all',
  ErrorPage: ['errorTitle', 'errorBody', 'tryAgain'],
  Inspect: 'all',
};

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const [namespace, keys] of Object.entries(CLIENT_MESSAGES)) {
    const all = messages[namespace];
    if (typeof all !== 'object' || all === null) continue;
    picked[namespace] = keys === 'all' ? all : Object.fromEntries(keys.filter((key) => key in all).map((key) => [key, all[key]!]));
  }
  return picked;
}

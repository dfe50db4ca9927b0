import { describe, expect, it } from 'vitest';
import { documentHref, routeOfHref, routes } from './routes';

describe('routes', () => {
  it('build every page inside the app, user data as one encoded segment and empty query values left out', () => {
    expect(routes.batches('ko')).toBe('/ko/batches');
    expect(routes.batch('ja', '0b3c1e9e-6a0e-4a39-9a43-2a4c5b8f7d10')).toBe('/ja/batches/0b3c1e9e-6a0e-4a39-9a43-2a4c5b8f7d10');
    expect(routes.jobs('ru', { state: 'discarded', queue: null, label: '' })).toBe('/ru/jobs?state=discarded');
    expect(routes.jobs('en', { label: 'a&b c' })).toBe('/en/jobs?label=a%26b+c');
    expect(routes.cronKey('en', 'nightly/report?x#y')).toBe('/en/cron/nightly%2Freport%3Fx%23y');
    expect(routes.jobClassPerformance('ko', 'Billing::Invoice 請求', { window: '7d' })).toBe('/ko/performance/Billing%3A%3AInvoice%20%E8%AB%8B%E6%B1%82?window=7d');
    expect([routes.processes('en'), routes.cleaner('en'), routes.cron('en'), routes.pauses('en'), routes.performance('en')]).toEqual(['/en/processes', '/en/cleaner', '/en/cron', '/en/pauses', '/en/performance']);
  });

  it('give a plain link the base path, and the router the route back without it', () => {
    expect(documentHref('/ru/jobs?state=queued', '/good_job')).toBe('/good_job/ru/jobs?state=queued');
    expect(documentHref('/ru/jobs', '')).toBe('/ru/jobs');
    expect(routeOfHref('/good_job/ru/jobs?state=queued', '/good_job')).toBe('/ru/jobs?state=queued');
    expect(routeOfHref('/good_job', '/good_job')).toBe('/');
    // A path that only starts with the same letters is not under the base path.
    expect(routeOfHref('/good_jobs/en/batches', '/good_job')).toBe('/good_jobs/en/batches');
    expect(routeOfHref('/en/batches', '')).toBe('/en/batches');
  });
});

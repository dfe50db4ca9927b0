import { describe, expect, it } from 'vitest';
import { parseServerSettings } from './settings.mjs';

describe('parseServerSettings', () => {
  it('gives the defaults when nothing is set', () => {
    const { settings, problems } = parseServerSettings({});
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ DASHBOARD_MAX_CONCURRENCY: 8, DASHBOARD_HEADERS_TIMEOUT_MS: 10_000, DASHBOARD_BODY_TIMEOUT_MS: 10_000 });
  });
  it('names every bad variable with its value and what is accepted, never a NaN', () => {
    const { problems } = parseServerSettings({ DASHBOARD_MAX_CONCURRENCY: 'eight', DASHBOARD_QUEUE_WAIT_MS: '-1', DASHBOARD_BODY_TIMEOUT_MS: '10s', DASHBOARD_IDLE_TIMEOUT_MS: '500' });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe('DASHBOARD_MAX_CONCURRENCY="eight": expected a whole number from 1 to 1024 (requests rendering at once; default 8)');
    expect(problems.join('\n')).toContain('DASHBOARD_QUEUE_WAIT_MS="-1"');
    expect(problems.join('\n')).toContain('DASHBOARD_IDLE_TIMEOUT_MS="500": expected a whole number from 1000');
  });
});

import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, actionLabel, actionOutcomeLabel, methodLabel, routeKind } from './metric-labels';

const none = new Headers();
const action = new Headers({ 'next-action': 'abc' });

describe('routeKind', () => {
  it.each([
    ['/en/batches', 'GET', none, 'page'],
    ['/', 'GET', none, 'page'],
    ['/en/jobs/123', 'POST', none, 'page'],
    ['/en/jobs', 'POST', action, 'action'],
    ['/metrics', 'POST', action, 'action'],
    ['/en/jobs', 'GET', action, 'page'],
    ['/api/batches/x/status', 'GET', none, 'api'],
    ['/api', 'GET', none, 'api'],
    ['/apix', 'GET', none, 'page'],
    ['/metrics', 'GET', none, 'metrics'],
    ['/metrics/x', 'GET', none, 'page'],
    ['/metricsx', 'GET', none, 'page'],
    ['/healthz', 'GET', none, 'health'],
    ['/readyz', 'HEAD', none, 'health'],
    ['/healthz/x', 'GET', none, 'page'],
    ['/_next/static/chunks/a.js', 'GET', none, 'static'],
    ['/favicon.ico', 'GET', none, 'static'],
    ['/_next/image', 'GET', none, 'page'],
  ] as const)('%s %s → %s', (path, method, headers, kind) => {
    expect(routeKind(path, method, headers)).toBe(kind);
  });
});

describe('methodLabel', () => {
  it('keeps the served methods and folds every other into `other`', () => {
    for (const m of ['GET', 'HEAD', 'POST', 'OPTIONS']) expect(methodLabel(m)).toBe(m);
    expect(methodLabel('get')).toBe('GET');
    for (const m of ['PUT', 'DELETE', 'TRACE', 'UNSUPPORTED-TRACE', 'BREW', 'other', 'x'.repeat(1000)]) expect(methodLabel(m), m).toBe('other');
  });
});

describe('actionLabel', () => {
  it('keeps every action name the audit line writes', () => {
    for (const a of ['retry', 'discard', 'forceDiscard', 'reschedule', 'destroy', 'retryBatch', 'discardBatch', 'bulk:retry', 'bulk:destroy', 'cronEnable', 'cronDisable', 'cronRunNow', 'pause', 'resume']) {
      expect(actionLabel(a), a).toBe(a);
    }
  });
  it('folds what a refused form sent (any text) into `unknown`', () => {
    for (const a of ['setting', 'bulk:unknown', 'bulk:rm -rf', 'DROP TABLE', '', 'retry ', 'x'.repeat(5000)]) expect(actionLabel(a), a).toBe('unknown');
  });
  it('is a small fixed set', () => {
    expect(ACTION_LABELS.length).toBeLessThan(25);
    expect(new Set(ACTION_LABELS).size).toBe(ACTION_LABELS.length);
  });
});

describe('actionOutcomeLabel', () => {
  it('keeps the outcomes actions write: commands, gate, run steps and errors', () => {
    for (const o of ['done', 'partial', 'not_found', 'wrong_state', 'locked', 'busy', 'unavailable', 'refused', 'invalid', 'unauthorized', 'error']) expect(actionOutcomeLabel(o), o).toBe(o);
  });
  it('folds anything else into `other`, so a label never takes a value outside the fixed set', () => {
    for (const o of ['', 'Done', 'done 3, skipped 1', 'needs_setting', 'error: boom', '<script>']) expect(actionOutcomeLabel(o), o).toBe('other');
  });
});

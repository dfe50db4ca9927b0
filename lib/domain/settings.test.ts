import { describe, expect, it } from 'vitest';
import { cronEnabledState, pauseReason, readPauses, withCronKey, withoutCronKey, withoutPause, withPause } from './settings';

describe('pauses JSON, as GoodJob::Setting leaves it', () => {
  it('a first pause creates all three lists', () => {
    expect(withPause(undefined, 'queue', 'backlog')).toEqual({ value: { queues: ['backlog'], job_classes: [], labels: [] }, changed: true });
  });
  it('appends once, keeps the other lists and keys, creates a missing list', () => {
    const current = { labels: [], queues: ['backlog'], job_classes: [], note: 'kept' };
    expect(withPause(current, 'label', 'frozen').value).toEqual({ labels: ['frozen'], queues: ['backlog'], job_classes: [], note: 'kept' });
    expect(withPause(current, 'queue', 'backlog')).toEqual({ value: current, changed: false });
    expect(withPause({ queues: [] }, 'job_class', 'OtherJob').value).toEqual({ queues: [], job_classes: ['OtherJob'] });
  });
  it('resume removes the value and leaves its list, even empty; no row or no such value changes nothing', () => {
    expect(withoutPause({ labels: [], queues: ['a', 'b'], job_classes: [] }, 'queue', 'a')).toEqual({ value: { labels: [], queues: ['b'], job_classes: [] }, changed: true });
    expect(withoutPause({ labels: [], queues: ['a'], job_classes: [] }, 'queue', 'a').value).toEqual({ labels: [], queues: [], job_classes: [] });
    expect(withoutPause(undefined, 'queue', 'a').changed).toBe(false);
    expect(withoutPause({ queues: ['b'] }, 'queue', 'a').changed).toBe(false);
  });
  it('refuses a value that is not GoodJob’s shape instead of overwriting it', () => {
    expect(withPause(['x'], 'queue', 'a')).toMatchObject({ value: null, invalid: true });
    expect(withPause({ queues: 'x' }, 'queue', 'a')).toMatchObject({ value: null, invalid: true });
    expect(withoutPause('x', 'queue', 'a')).toMatchObject({ value: null, invalid: true });
  });
  it('reads missing or odd lists as empty', () => {
    expect(readPauses(null)).toEqual({ queues: [], job_classes: [], labels: [] });
    expect(readPauses({ queues: ['a', 3], labels: 'x' })).toEqual({ queues: ['a'], job_classes: [], labels: [] });
  });
});

describe('cron key lists', () => {
  it('append a key once and remove every copy', () => {
    expect(withCronKey(undefined, 'k')).toEqual({ value: ['k'], changed: true });
    expect(withCronKey(['k'], 'k')).toEqual({ value: ['k'], changed: false });
    expect(withCronKey(['a'], 'k')).toEqual({ value: ['a', 'k'], changed: true });
    expect(withoutCronKey(['k', 'a', 'k'], 'k')).toEqual({ value: ['a'], changed: true });
    expect(withoutCronKey(undefined, 'k').changed).toBe(false);
    expect(withoutCronKey(['a'], 'k').changed).toBe(false);
  });
  it('compute the enabled state in GoodJob’s order: disabled wins, then enabled, else the app’s default', () => {
    expect(cronEnabledState('k', ['k'], ['k'])).toBe('disabled');
    expect(cronEnabledState('k', ['k'], [])).toBe('enabled');
    expect(cronEnabledState('k', null, undefined)).toBe('default');
  });
});

describe('pauseReason', () => {
  const pauses = { queues: ['paused_q'], job_classes: ['OtherJob'], labels: ['frozen'] };
  it('names the queue, class or label that holds a job back, as GoodJob’s exclude_paused', () => {
    expect(pauseReason({ queue_name: 'paused_q', job_class: 'A', labels: null }, pauses)).toEqual({ kind: 'queue', value: 'paused_q' });
    expect(pauseReason({ queue_name: 'q', job_class: 'OtherJob', labels: null }, pauses)).toEqual({ kind: 'job_class', value: 'OtherJob' });
    expect(pauseReason({ queue_name: 'q', job_class: 'A', labels: ['x', 'frozen'] }, pauses)).toEqual({ kind: 'label', value: 'frozen' });
    expect(pauseReason({ queue_name: 'q', job_class: 'A', labels: ['x'] }, pauses)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseCallbackQueues } from './callback-queues';

describe('GOOD_JOB_CALLBACK_QUEUES', () => {
  it('reads Class=queue and Class=queue:priority entries, spaces and empty entries aside', () => {
    const parsed = parseCallbackQueues(' CallbackJob=batch_callbacks , Billing::DoneJob = billing:10,,::Top=q:-5 ');
    expect(parsed).toEqual({
      ok: true,
      queues: new Map([
        ['CallbackJob', { queue: 'batch_callbacks', priority: null }],
        ['Billing::DoneJob', { queue: 'billing', priority: 10 }],
        ['Top', { queue: 'q', priority: -5 }],
      ]),
    });
    expect(parseCallbackQueues(undefined)).toEqual({ ok: true, queues: new Map() });
    expect(parseCallbackQueues('')).toEqual({ ok: true, queues: new Map() });
  });

  it('names every entry it cannot read, and reads none of them then', () => {
    expect(parseCallbackQueues('CallbackJob, lower=q, A=q:x, B=, C=q:99999999999, D=q:1:2, E=a b, F=q, F=r, G=q')).toEqual({
      ok: false,
      bad: ['CallbackJob', 'lower=q', 'A=q:x', 'B=', 'C=q:99999999999', 'D=q:1:2', 'E=a b', 'F=r'],
    });
  });
});

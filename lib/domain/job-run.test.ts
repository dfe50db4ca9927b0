import { describe, expect, it } from 'vitest';
import { addTally, advanceRun, handled, countField, EMPTY_TALLY, runFields, runFromFields, runOutcome, skipped, tallyFromFields, tallyOf, tallyOutcome, type RunProgress } from './job-run';

describe('job runs in steps', () => {
  it('count what a step did and add it to the run', () => {
    const step = tallyOf({ done: ['a', 'b'], held: ['c'], changed: [], gone: ['d'] });
    expect(step).toEqual({ done: 2, held: 1, changed: 0, gone: 1 });
    expect(addTally(addTally(EMPTY_TALLY, step), step)).toEqual({ done: 4, held: 2, changed: 0, gone: 2 });
    expect(skipped(step)).toBe(2);
    expect(handled(step)).toBe(4);
  });

  it('say "done" only when nothing was skipped, "partial" when some changed and some did not', () => {
    expect(tallyOutcome(EMPTY_TALLY)).toBe('done');
    expect(tallyOutcome({ done: 3, held: 0, changed: 0, gone: 0 })).toBe('done');
    expect(tallyOutcome({ done: 3, held: 1, changed: 0, gone: 0 })).toBe('partial');
    expect(tallyOutcome({ done: 3, held: 0, changed: 0, gone: 1 })).toBe('partial');
    expect(tallyOutcome({ done: 0, held: 1, changed: 2, gone: 0 })).toBe('locked');
    expect(tallyOutcome({ done: 0, held: 0, changed: 2, gone: 1 })).toBe('wrong_state');
    expect(tallyOutcome({ done: 0, held: 0, changed: 0, gone: 1 })).toBe('not_found');
  });

  it('read the progress a page sends back as whole numbers, anything else as 0', () => {
    for (const [value, n] of [['12', 12], ['0', 0], ['-1', 0], ['1e3', 0], ['1.5', 0], ['', 0], [undefined, 0], ['9999999999', 0], [['3'], 0]] as const) expect(countField(value)).toBe(n);
    const form = new Map<string, string>([['runDone', '500'], ['runHeld', '2'], ['runChanged', 'x']]);
    expect(tallyFromFields((k) => form.get(k))).toEqual({ done: 500, held: 2, changed: 0, gone: 0 });
  });
});

describe('a run’s progress between the page and the server', () => {
  const id = '5f0c1e2a-0000-4000-8000-000000000001';
  it('starts a new run when the page names none, whatever else it sends', () => {
    const fields = new Map([['runDone', '500'], ['cursor', 'abc'], ['runStep', '4']]);
    expect(runFromFields((k) => fields.get(k), () => 'new-id')).toEqual({ id: 'new-id', step: 0, status: 'running', cursor: '', tally: EMPTY_TALLY, total: null, totalEstimated: false });
  });
  it('comes back from its form fields as it went out, step after step', () => {
    let run: RunProgress = runFromFields(() => undefined, () => id);
    run = advanceRun(run, { done: 500, held: 0, changed: 0, gone: 0 }, 'running', 'c1', { value: 12800, estimated: true });
    run = advanceRun(run, { done: 490, held: 7, changed: 2, gone: 1 }, 'running', 'c2', null);
    expect(run).toEqual({ id, step: 2, status: 'running', cursor: 'c2', tally: { done: 990, held: 7, changed: 2, gone: 1 }, total: 12800, totalEstimated: true });
    const fields = runFields(run);
    expect(runFromFields((k) => fields[k], () => 'unused')).toEqual(run);
    const unknownTotal = runFields({ ...run, total: null, totalEstimated: false });
    expect(runFromFields((k) => unknownTotal[k], () => 'unused')).toMatchObject({ total: null, totalEstimated: false });
  });
  it('says "partial" for a run stopped short once anything was done, else why it stopped', () => {
    expect(runOutcome({ ...EMPTY_TALLY, done: 1 }, 'busy')).toBe('partial');
    expect(runOutcome({ ...EMPTY_TALLY, held: 3 }, 'busy')).toBe('busy');
  });
});

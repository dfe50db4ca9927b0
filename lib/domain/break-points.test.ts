import { describe, expect, it } from 'vitest';
import { breakParts } from './break-points';

describe('breakParts', () => {
  it('breaks after ::, _, . and - only', () => {
    expect(breakParts('ExampleJob::BatchJob::CallbackJob')).toEqual(['ExampleJob::', 'BatchJob::', 'CallbackJob']);
    expect(breakParts('mailers_high.priority-2')).toEqual(['mailers_', 'high.', 'priority-', '2']);
  });
  it('keeps a word without joints whole, and runs of joints together', () => {
    expect(breakParts('callbacks')).toEqual(['callbacks']);
    expect(breakParts('-backlog')).toEqual(['-backlog']);
    expect(breakParts('a__b::-c')).toEqual(['a__', 'b::-', 'c']);
    expect(breakParts('trailing_')).toEqual(['trailing_']);
    expect(breakParts('')).toEqual([]);
  });
  it('gives the name back when joined', () => {
    for (const name of ['A::B', 'x-y_z.w', '::', 'Ünïcode::名前_キュー', '😀-😀']) expect(breakParts(name).join('')).toBe(name);
  });
});

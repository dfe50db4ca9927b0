import { describe, expect, it } from 'vitest';
import { errorClass } from './error-class';

describe('errorClass', () => {
  it('is the text before the first ": "', () => {
    expect(errorClass('ExampleJob::DeadError: ExampleJob::DeadError')).toBe('ExampleJob::DeadError');
    expect(errorClass('GoodJob::Job::DiscardJobError: Discarded through dashboard')).toBe('GoodJob::Job::DiscardJobError');
    expect(errorClass('RuntimeError: a: b: c')).toBe('RuntimeError');
    expect(errorClass('no separator here')).toBe('no separator here');
    expect(errorClass('a:b')).toBe('a:b');
    expect(errorClass(null)).toBeNull();
  });
});

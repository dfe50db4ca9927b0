import { describe, expect, it } from 'vitest';
import { parsePostedResult, postedResultHref } from './action-result-url';

const id = '11111111-1111-4111-8111-111111111111';

describe('posted job action results', () => {
  it('land on the page they came from, or on the jobs list once the job is destroyed', () => {
    expect(postedResultHref(`/ko/jobs/${id}`, 'ko', { action: 'retry', outcome: 'done', jobId: id })).toBe(`/ko/jobs/${id}?done=retry&outcome=done&job=${id}`);
    expect(postedResultHref(`/ko/jobs/${id}`, 'ko', { action: 'destroy', outcome: 'done', jobId: id })).toBe(`/ko/jobs?done=destroy&outcome=done&job=${id}`);
    expect(postedResultHref(`/ko/jobs/${id}`, 'ko', { action: 'destroy', outcome: 'locked', jobId: id })).toBe(`/ko/jobs/${id}?done=destroy&outcome=locked&job=${id}`);
  });

  it('read back only names the dashboard knows', () => {
    expect(parsePostedResult({ done: 'retry', outcome: 'wrong_state', job: id })).toEqual({ action: 'retry', outcome: 'wrong_state', jobId: id });
    expect(parsePostedResult({ done: 'retry', outcome: 'done', job: [id, 'x'] })).toEqual({ action: 'retry', outcome: 'done', jobId: id });
    expect(parsePostedResult({ done: '<b>hi</b>', outcome: 'done', job: id })).toBeNull();
    expect(parsePostedResult({ done: 'retry', outcome: 'anything', job: id })).toBeNull();
    expect(parsePostedResult({ done: 'retry', outcome: 'done', job: 'nope' })).toBeNull();
    expect(parsePostedResult({})).toBeNull();
  });
});

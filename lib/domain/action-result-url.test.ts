import { describe, expect, it } from 'vitest';
import { encodePostedResult, parsePostedResult, postedResultTarget } from './action-result-url';

const id = '11111111-1111-4111-8111-111111111111';

describe('posted job action results', () => {
  it('land on the page they came from, or on the jobs list once the job is destroyed', () => {
    expect(postedResultTarget(`/ko/jobs/${id}`, 'ko', { action: 'retry', outcome: 'done', jobId: id })).toBe(`/ko/jobs/${id}`);
    expect(postedResultTarget(`/ko/jobs/${id}`, 'ko', { action: 'destroy', outcome: 'done', jobId: id })).toBe('/ko/jobs');
    expect(postedResultTarget(`/ko/jobs/${id}`, 'ko', { action: 'destroy', outcome: 'locked', jobId: id })).toBe(`/ko/jobs/${id}`);
  });

  it('read back only names the dashboard knows', () => {
    const result = { action: 'retry', outcome: 'wrong_state', jobId: id } as const;
    expect(parsePostedResult(encodePostedResult(result))).toEqual(result);
    expect(parsePostedResult(`<b>hi</b>.done.${id}`)).toBeNull();
    expect(parsePostedResult(`retry.anything.${id}`)).toBeNull();
    expect(parsePostedResult('retry.done.nope')).toBeNull();
    expect(parsePostedResult(`retry.done.${id}.x`)).toBeNull();
    expect(parsePostedResult(null)).toBeNull();
  });
});

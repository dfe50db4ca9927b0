import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT, actionBodyProblem } from './action-body';

const post = (body: BodyInit | null, type?: string, extra: Record<string, string> = {}) =>
  new Request('http://127.0.0.1/en/jobs', { method: 'POST', body, headers: { 'next-action': 'abc', ...(type ? { 'content-type': type } : {}), ...extra } });

describe('actionBodyProblem', () => {
  it('accepts what React sends: a JSON array, or a multipart form', async () => {
    expect(await actionBodyProblem(post('["$K1"]', 'text/plain;charset=UTF-8'))).toBeNull();
    const form = new FormData();
    form.set('1_action', 'retry');
    form.set('0', '["$K1"]');
    expect(await actionBodyProblem(new Request('http://127.0.0.1/en/jobs', { method: 'POST', body: form, headers: { 'next-action': 'abc' } }))).toBeNull();
  });

  it('refuses what Next could not decode, with 400', async () => {
    for (const body of ['x', '{}', '', '"a"', '[1']) expect(await actionBodyProblem(post(body, 'text/plain;charset=UTF-8')), body).toBe(400);
    expect(await actionBodyProblem(post('garbage', 'multipart/form-data; boundary=zzz'))).toBe(400);
    expect(await actionBodyProblem(post('a=b', 'multipart/form-data'))).toBe(400);
    expect(await actionBodyProblem(post('a=b', 'application/x-www-form-urlencoded'))).toBe(400);
    expect(await actionBodyProblem(post(new Uint8Array([0x5b, 0xff, 0x5d]), 'text/plain'))).toBe(400);
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    expect(await actionBodyProblem(post('[]', 'text/plain', { 'content-length': String(ACTION_BODY_LIMIT + 1) }))).toBe(413);
    expect(await actionBodyProblem(post(`[${'1,'.repeat(ACTION_BODY_LIMIT)}1]`, 'text/plain'))).toBe(413);
  });

  it('leaves the body for Next to read', async () => {
    const request = post('["$K1"]', 'text/plain');
    await actionBodyProblem(request);
    expect(await request.text()).toBe('["$K1"]');
  });
});

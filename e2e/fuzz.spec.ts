import { expect, test } from './fixtures';

// A bounded fuzz over every route and parameter: each answer must be a 4xx or a normal page (2xx/3xx), never a 5xx,
// and never a stack trace. The inputs are fixed (no randomness), so a failure reproduces.

const BATCH = '2909c77c-455c-4317-95cd-074f512ab6f1';
const JOB = 'd2a4ff36-3886-44d7-ad8e-8ef7e77ca4ba';
const HUGE = 'x'.repeat(6000);
const IDS = ['', 'nope', `${BATCH}x`, BATCH.toUpperCase(), BATCH.replaceAll('-', ''), '00000000-0000-0000-0000-000000000000', `${BATCH}%00`, '%E0%A4%A', '..%2F..%2Fetc%2Fpasswd', "1'%20OR%20'1'='1", HUGE.slice(0, 2000), '%F0%9F%92%A9'];
const VALUES = ['', 'x', HUGE, '%00', 'a%00b', '%FF%FE', "'; DROP TABLE good_jobs; --", '<script>alert(1)</script>', '%E2%80%AE', '-1', '99999999999999999999', 'AAAA', '..', 'null', '[]', '{}'];
const PARAMS = ['after', 'before', 'state', 'q', 'queue', 'job_class', 'label', 'inspect', 'locale'];
const LOCALES = ['en', 'ko', 'xx', 'EN', 'en-US', 'zh-Hant', '..', '%00'];

function paths(): string[] {
  const out = new Set<string>(['/', '/api/x', '/batches', '/jobs', '/_next/x', '/favicon.ico', '/%00', '/..%2F', '//', '/en//batches', '/en/batches/', '/en/batches/../jobs']);
  for (const locale of LOCALES) {
    for (const page of ['', '/batches', '/jobs', '/processes', '/nothing']) out.add(`/${locale}${page}`);
    for (const id of IDS) {
      out.add(`/${locale}/batches/${id}`);
      out.add(`/${locale}/jobs/${id}`);
    }
  }
  for (const page of [`/en/batches`, `/ru/batches/${BATCH}`, '/ja/jobs', `/ko/jobs/${JOB}`, '/en/processes']) {
    for (const name of PARAMS) for (const value of VALUES) out.add(`${page}?${name}=${value}`);
    out.add(`${page}?${PARAMS.map((p) => `${p}=1&${p}=2`).join('&')}`);
  }
  return [...out];
}

test('hostile requests never get a 5xx or a stack trace', async ({ request, baseURL }) => {
  test.setTimeout(240_000);
  const failures: string[] = [];
  let sent = 0;
  const check = async (method: string, path: string, body?: string) => {
    sent += 1;
    const response = await request.fetch(`${baseURL}${path}`, { method, data: body, maxRedirects: 0, failOnStatusCode: false, headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {} });
    const text = await response.text();
    if (response.status() >= 500) failures.push(`${method} ${path.slice(0, 120)} → ${response.status()}`);
    else if (/\bat \S+ \(\S+:\d+:\d+\)|node_modules\/|Error: .*\n\s+at /.test(text)) failures.push(`${method} ${path.slice(0, 120)} → stack trace`);
  };
  for (const path of paths()) await check('GET', path);
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
    for (const path of ['/en/batches', `/en/batches/${BATCH}`, '/ko/jobs', `/ja/jobs/${JOB}`, '/api/x', '/']) await check(method, path, method === 'POST' ? 'action=retry&jobId=x' : undefined);
  }
  // Forged server action calls: unknown action ids and garbage bodies.
  for (const actionId of ['x', '0'.repeat(42), HUGE.slice(0, 300)]) {
    sent += 1;
    const response = await request.post(`${baseURL}/en/batches/${BATCH}`, { headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8' }, data: '["$K1"]', failOnStatusCode: false });
    if (response.status() >= 500) failures.push(`action ${actionId.slice(0, 20)} → ${response.status()}`);
  }
  console.log(`fuzz: ${sent} requests, ${failures.length} server errors`);
  expect(sent).toBeGreaterThan(800);
  expect(failures).toEqual([]);
});

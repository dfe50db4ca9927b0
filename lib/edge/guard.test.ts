import { describe, expect, it } from 'vitest';
import { exposureProblem, isLoopbackHost } from './guard.mjs';

describe('exposureProblem', () => {
  it('lets a loopback server start without sign-in', () => {
    expect(exposureProblem({})).toBeNull();
    expect(exposureProblem({ HOSTNAME: 'localhost' })).toBeNull();
    expect(exposureProblem({ HOSTNAME: '::1' })).toBeNull();
  });
  it('refuses a network address without credentials, and says why', () => {
    expect(exposureProblem({ HOSTNAME: '0.0.0.0' })).toMatch(/Refusing to listen on 0\.0\.0\.0 without sign-in/);
    expect(exposureProblem({ HOSTNAME: '0.0.0.0', DASHBOARD_USERNAME: 'ops' })).not.toBeNull();
  });
  it('allows it with credentials or an explicit DASHBOARD_AUTH=none', () => {
    expect(exposureProblem({ HOSTNAME: '0.0.0.0', DASHBOARD_USERNAME: 'ops', DASHBOARD_PASSWORD: 'x' })).toBeNull();
    expect(exposureProblem({ HOSTNAME: '0.0.0.0', DASHBOARD_AUTH: 'none', DASHBOARD_ALLOWED_HOSTS: 'jobs.example.com' })).toBeNull();
  });
  it('wants the allowed host names when something in front signs people in, on any address', () => {
    expect(exposureProblem({ DASHBOARD_AUTH: 'none' })).toMatch(/DASHBOARD_AUTH=none also needs/);
    expect(exposureProblem({ HOSTNAME: '0.0.0.0', DASHBOARD_AUTH: 'none' })).toMatch(/DASHBOARD_AUTH=none also needs DASHBOARD_ALLOWED_HOSTS/);
  });
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', 'localhost', '[::1]', '127.1.2.3']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', 'example.com']) expect(isLoopbackHost(h), h).toBe(false);
  });
});

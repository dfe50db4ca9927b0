import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { expect, type APIRequestContext } from '@playwright/test';

/** A second `next start` of the built app, with its own environment (read-only mode, a database that is down…). */
export async function startServer(request: APIRequestContext, port: number, env: Record<string, string>): Promise<ChildProcess> {
  const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const server = spawn(process.execPath, [next, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: 'ignore',
  });
  await expect(async () => {
    const response = await request.get(`http://127.0.0.1:${port}/en/batches`);
    expect(response.status()).toBeLessThan(500);
  }).toPass({ timeout: 30_000 });
  return server;
}

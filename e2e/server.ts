import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { expect, type APIRequestContext } from '@playwright/test';
import { nextStartArgs } from '../scripts/lib/build.mjs';

export interface TestServer {
  process: ChildProcess;
  /** Everything the server printed on standard output so far (audit lines among it). */
  output: () => string;
  /** Everything it printed on standard error so far (database_unavailable / database_busy lines among it). */
  errors: () => string;
  stop: () => void;
}

export const nextBin = () => createRequire(import.meta.url).resolve('next/dist/bin/next');

/** A second production server of the built app (the one `npm start` runs), with its own environment (read-only mode, sign-in, a database that is down…). */
export async function startServer(request: APIRequestContext, port: number, env: Record<string, string>, readyPath = '/healthz'): Promise<TestServer> {
  const server = spawn(process.execPath, nextStartArgs('127.0.0.1', port), {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Whatever ends this worker (a failed hook, a crash), its servers end with it: a stale one would answer the next run.
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  let errors = '';
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  await expect(async () => {
    expect(server.exitCode, `the server on port ${port} exited:\n${errors}`).toBeNull();
    const response = await request.get(`http://127.0.0.1:${port}${readyPath}`, { maxRedirects: 0 });
    expect(response.status()).toBeLessThan(500);
  }).toPass({ timeout: 30_000 });
  return {
    process: server,
    output: () => output,
    errors: () => errors,
    stop: () => {
      process.off('exit', killOnExit);
      server.kill('SIGTERM');
    },
  };
}

/** The JSON lines a server printed for dashboard actions. */
export function auditLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((line) => line.includes('"dashboard_action"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The lines a server wrote that are not one JSON object with `time`, `level`, `event` and `instance` (issue #31). */
export function malformedLogLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        return !(typeof entry.time === 'string' && !Number.isNaN(Date.parse(entry.time)) && ['info', 'warn', 'error'].includes(entry.level as string) && typeof entry.event === 'string' && typeof entry.instance === 'string');
      } catch {
        return true;
      }
    });
}

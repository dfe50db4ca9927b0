import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsFresh, sourceHash } from './build.mjs';

const dirs: string[] = [];
function project() {
  const root = mkdtempSync(join(tmpdir(), 'gjd-build-'));
  dirs.push(root);
  mkdirSync(join(root, 'app'));
  mkdirSync(join(root, '.next'));
  writeFileSync(join(root, 'app/page.tsx'), 'export default function Page() { return null; }\n');
  writeFileSync(join(root, 'package.json'), '{}\n');
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('sourceHash', () => {
  it('follows what the files hold, not when they were touched (a fresh clone, npm install)', () => {
    const root = project();
    const before = sourceHash(root);
    const later = new Date(Date.now() + 86_400_000);
    utimesSync(join(root, 'app/page.tsx'), later, later);
    utimesSync(join(root, 'package.json'), later, later);
    expect(sourceHash(root)).toBe(before);
    writeFileSync(join(root, 'app/page.tsx'), 'export default function Page() { return 1; }\n');
    expect(sourceHash(root)).not.toBe(before);
  });

  it('sees a new file and a renamed one, and ignores tests', () => {
    const root = project();
    const before = sourceHash(root);
    writeFileSync(join(root, 'app/page.test.ts'), 'test\n');
    expect(sourceHash(root)).toBe(before);
    writeFileSync(join(root, 'app/other.tsx'), '');
    expect(sourceHash(root)).not.toBe(before);
  });
});

describe('buildIsFresh', () => {
  it('is fresh only when the recorded build matches the sources and the base path', () => {
    const root = project();
    expect(buildIsFresh(root)).toBe(false);
    writeFileSync(join(root, '.next/BUILD_ID'), 'x');
    writeFileSync(join(root, '.next/dashboard-build.json'), JSON.stringify({ basePath: '', sources: sourceHash(root) }));
    const basePath = process.env.BASE_PATH;
    delete process.env.BASE_PATH;
    try {
      expect(buildIsFresh(root)).toBe(true);
      process.env.BASE_PATH = '/good_job';
      expect(buildIsFresh(root)).toBe(false);
      delete process.env.BASE_PATH;
      writeFileSync(join(root, 'app/page.tsx'), 'changed');
      expect(buildIsFresh(root)).toBe(false);
    } finally {
      if (basePath === undefined) delete process.env.BASE_PATH;
      else process.env.BASE_PATH = basePath;
    }
  });

  it('tells a build with the standalone server (NEXT_OUTPUT=standalone) from an ordinary one', () => {
    const root = project();
    writeFileSync(join(root, '.next/BUILD_ID'), 'x');
    writeFileSync(join(root, '.next/dashboard-build.json'), JSON.stringify({ basePath: '', sources: sourceHash(root) }));
    const saved = { basePath: process.env.BASE_PATH, output: process.env.NEXT_OUTPUT };
    delete process.env.BASE_PATH;
    delete process.env.NEXT_OUTPUT;
    try {
      expect(buildIsFresh(root)).toBe(true);
      process.env.NEXT_OUTPUT = 'standalone';
      expect(buildIsFresh(root)).toBe(false);
      writeFileSync(join(root, '.next/dashboard-build.json'), JSON.stringify({ basePath: '', output: 'standalone', sources: sourceHash(root) }));
      expect(buildIsFresh(root)).toBe(true);
    } finally {
      for (const [name, value] of [['BASE_PATH', saved.basePath], ['NEXT_OUTPUT', saved.output]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

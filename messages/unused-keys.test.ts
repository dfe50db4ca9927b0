import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every message is shown somewhere: a key nobody reads is a translation nobody checks. A key counts as read when a
// source file that names its namespace (`useTranslations('Ns')`, `namespace: 'Ns'`, `messages.Ns`) holds the key as a
// quoted literal (`t('key')`, a `{ x: 'key' }` map), a property (`.key`), or a template's prefix (`reason_${kind}`). Keys chosen at run time come from the
// domain's lists (`JOB_STATUSES`, action outcomes), so lib/domain and lib/actions count for every namespace.

const root = join(__dirname, '..');
const SOURCE_DIRS = ['app', 'components', 'lib', 'scripts'];
const isSource = (path: string) => /\.(?:tsx?|mjs)$/.test(path) && !/\.test\.|\.d\.mts$/.test(path);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : isSource(path) ? [path] : [];
  });
}

const files = [...SOURCE_DIRS.flatMap((d) => walk(join(root, d))), join(root, 'proxy.ts')].map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));
const everyNamespace = files.filter((f) => /^lib\/(?:domain|actions)\//.test(f.path));

type Tree = { [key: string]: string | Tree };
const en = JSON.parse(readFileSync(join(__dirname, 'en.json'), 'utf8')) as Tree;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function readers(namespace: string) {
  const named = new RegExp(`['"\`.]${escape(namespace)}\\b`);
  return [...files.filter((f) => named.test(f.text)), ...everyNamespace];
}

describe('messages/en.json', () => {
  it('has no key that no source file reads', () => {
    const unused: string[] = [];
    for (const [namespace, keys] of Object.entries(en)) {
      const sources = readers(namespace);
      // Keys built from a prefix and a domain value (`t(\`reason_${kind}\`)`) are read by their prefix.
      const prefixes = sources.flatMap((f) => [...f.text.matchAll(/`([A-Za-z]+_)\$\{/g)].map((m) => m[1]!));
      for (const key of Object.keys(keys as Tree)) {
        const read = new RegExp(`['"\`]${escape(key)}['"\`]|\\.${escape(key)}\\b`);
        if (!sources.some((f) => read.test(f.text)) && !prefixes.some((p) => key.startsWith(p))) unused.push(`${namespace}.${key}`);
      }
    }
    expect(unused).toEqual([]);
  });
});

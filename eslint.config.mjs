import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const layerZones = [
  { target: ['./lib', './components', './app', './proxy.ts', './instrumentation.ts'], from: ['./scripts', './e2e'], message: 'The product never imports its tooling or its tests.' },
  { target: './lib', from: ['./app', './components'], message: 'lib/ is below pages and components.' },
  { target: './components', from: './app', message: 'Components are below pages.' },
  { target: './components', from: ['./lib/db', './lib/queries', './lib/commands'], message: 'Components show what a page loaded: they read the database through no query, and write only through lib/actions.' },
  { target: './lib/read-models', from: ['./lib/queries', './lib/commands', './lib/actions', './lib/export', './lib/live', './lib/metrics'], message: 'Read models are the shapes reads return: they import no code that reads or writes.' },
  { target: './lib/read-models', from: './lib/db', except: ['./schema.ts'], message: 'Read models may name the schema\'s row types, nothing else of the database layer.' },
  { target: './lib/domain', from: ['./lib/db', './lib/queries', './lib/commands', './lib/actions', './lib/export', './lib/live', './lib/metrics'], message: 'Domain rules are pure: no database, query, command or action.' },
  { target: './lib/db', from: ['./lib/queries', './lib/commands', './lib/actions', './lib/export', './lib/live'], message: 'The database layer is below queries, commands and actions.' },
  { target: './lib/queries', from: ['./lib/commands', './lib/actions'], message: 'Reads never reach up into writes or actions.' },
  { target: './lib/sql', from: ['./lib/queries', './lib/commands', './lib/actions', './lib/export', './lib/live', './lib/metrics'], message: 'SQL fragments are below the reads and writes that use them.' },
  { target: './lib/telemetry', from: ['./lib/db', './lib/queries', './lib/commands', './lib/actions', './lib/export', './lib/live', './lib/metrics', './lib/cache'], message: 'Telemetry (the log, the dashboard\'s own metrics) is below everything that reports through it.' },
  { target: './lib/domain', from: './lib/telemetry', message: 'Domain rules are pure: they neither log nor count.' },
  { target: './lib/db', from: './lib/metrics', message: 'The database layer reports through lib/telemetry; lib/metrics (GoodJob\'s figures) reads through it.' },
  { target: './lib/cache', from: ['./lib/db', './lib/queries', './lib/commands', './lib/actions'], message: 'Caches hold values; they read nothing themselves.' },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'bench/floor/.next/**', 'bench/floor/next-env.d.ts', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.data/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Pages parse, load and compose (ARCHITECTURE.md): what they show is a component, what they load a query.
    files: ['app/**/page.tsx'],
    rules: { 'max-lines': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Layers point down (ARCHITECTURE.md): app → components → lib; the product never imports its tooling (scripts/)
    // or its tests (e2e/); lib never imports pages or components; pure domain rules import no database, query,
    // command or action; components read no database and write only through actions.
    rules: {
      'import/no-restricted-paths': [
        'error',
        { zones: layerZones },
      ],
    },
  },
  {
    // A command's database test may read back through the queries; the command itself may not.
    files: ['lib/commands/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'import/no-restricted-paths': ['error', { zones: [...layerZones, { target: './lib/commands', from: ['./lib/queries', './lib/actions'], message: 'Writes share SQL with reads through lib/sql, never through a query module.' }] }],
    },
  },
];

export default config;

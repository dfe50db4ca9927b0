import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// Messages are ICU-compiled at build time: no message parser on the server's hot path nor in the browser's bundle.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

/** NEXT_OUTPUT=standalone (the Dockerfile) adds Next's standalone server to the build; nothing else is supported. */
function output(): 'standalone' | undefined {
  const value = process.env.NEXT_OUTPUT ?? '';
  if (value === '') return undefined;
  if (value !== 'standalone') throw new Error(`NEXT_OUTPUT can only be "standalone" (got "${value}")`);
  return value;
}

/** BASE_PATH=/good_job serves the dashboard under that prefix (behind a reverse proxy). Fixed at build time. */
function basePath(): string | undefined {
  const value = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');
  if (value === '') return undefined;
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(value)) throw new Error(`BASE_PATH must look like /good_job (got "${process.env.BASE_PATH}")`);
  return value;
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['pg'],
  basePath: basePath(),
  // Plain <a> links (file downloads, which next/link would try to render as pages) need the prefix too.
  env: { NEXT_PUBLIC_BASE_PATH: basePath() ?? '' },
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Also `<distDir>/standalone/`: a server.js with only the files it needs. Off for `npm start` and the tests.
  output: output(),
};

export default withNextIntl(nextConfig);

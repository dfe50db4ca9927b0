import type { NextConfig } from 'next';

// The benchmark's floor: a bare Next app, built only by `npm run bench` (scripts/bench.mjs) into bench/floor/.next.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;

import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The server serves the exported files from the same origin as its API and hub.
  output: 'export',
  transpilePackages: ['@mooring/protocol'],
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` and `next build` must not write generated files into the source tree.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;

import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The server serves the exported files from the same origin as its API and hub.
  output: 'export',
  transpilePackages: ['@mooring/protocol'],
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;

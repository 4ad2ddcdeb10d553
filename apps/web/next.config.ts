import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages export TypeScript source, so Next compiles them.
  transpilePackages: ['@spice/domain', '@spice/db', '@spice/adapters'],
  // Native, wasm and Node-only server libraries load from node_modules at run time instead of being bundled.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@duckdb/node-api',
    '@duckdb/node-bindings',
    'kafkajs',
    'pino',
    '@aws-sdk/client-s3',
    '@elastic/elasticsearch',
    '@opensearch-project/opensearch',
    'pg',
  ],
  // Lint runs once for the whole repo (`pnpm lint`), not per build.
  eslint: { ignoreDuringBuilds: true },
  poweredByHeader: false,
  webpack: (webpackConfig: WebpackConfig, { isServer }: { isServer: boolean }) => {
    if (isServer) {
      // Server packages find files beside their source (`new URL('./driver/x.py', import.meta.url)`, the
      // drizzle migrations folder). Left to webpack, `new URL(…, import.meta.url)` becomes an emitted asset
      // URL that Node's fs rejects; with url parsing off, import.meta.url stays the source file's own URL.
      webpackConfig.module.parser = {
        ...webpackConfig.module.parser,
        javascript: { ...webpackConfig.module.parser?.javascript, url: false },
      };
    }
    return webpackConfig;
  },
};

interface WebpackConfig {
  module: { parser?: { javascript?: Record<string, unknown> } & Record<string, unknown> };
}

export default config;

/**
 * JavaScript, not next.config.ts: `next start` reads a TypeScript config with the TypeScript compiler and SWC,
 * and both then stay loaded in the server process for its whole life (~70 MiB of memory for one file of settings).
 * @type {import('next').NextConfig}
 */
const config = {
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
  // A route's modules load on its first request rather than all at start: preloading required every server
  // library any route might use (the S3, Kafka, Elasticsearch and OpenSearch clients on the embedded defaults),
  // ~65 MiB the process then kept for its whole life.
  experimental: { preloadEntriesOnStart: false },
  /** @param {{ module: { parser?: Record<string, Record<string, unknown> | undefined> } }} webpackConfig */
  webpack: (webpackConfig, { isServer }) => {
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

export default config;

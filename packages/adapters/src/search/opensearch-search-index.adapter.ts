import { Client, errors } from '@opensearch-project/opensearch';
import type { SearchIndex } from '@spice/domain';
import { createEngineSearchIndex, HEALTH_REQUEST } from './engine-search-client';

/** SearchIndex on OpenSearch 2.x / 3.x through the official client (it wraps each response in `{ body }`). */
export function createOpenSearchSearchIndex(options: {
  url: string;
  requestTimeoutMs?: number;
}): SearchIndex & { close(): Promise<void> } {
  const os = new Client({ node: options.url, requestTimeout: options.requestTimeoutMs ?? 30_000 });
  const body = <T>(response: Promise<{ body: T }>) => response.then((r) => r.body);
  return createEngineSearchIndex({
    product: 'OpenSearch',
    url: options.url,
    isResponseError: (e) => e instanceof errors.ResponseError,
    calls: {
      getMapping: (index) => body(os.indices.getMapping({ index })),
      createIndex: (index, definition) =>
        body(os.indices.create({ index, body: definition as unknown as Record<string, unknown> })),
      deleteIndex: (index) => body(os.indices.delete({ index }, { ignore: [404] })),
      bulk: (lines, refresh) => body(os.bulk({ body: [...lines], refresh })),
      refresh: (index) => body(os.indices.refresh({ index })),
      search: (index, request) => body(os.search({ index, body: request })),
      clusterHealth: () => body(os.cluster.health({}, HEALTH_REQUEST)),
      close: () => os.close(),
    },
  });
}

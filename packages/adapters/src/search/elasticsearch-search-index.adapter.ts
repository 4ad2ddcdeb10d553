import { Client, errors, type estypes } from '@elastic/elasticsearch';
import type { SearchIndex } from '@spice/domain';
import { createEngineSearchIndex, HEALTH_REQUEST } from './engine-search-client';

/** SearchIndex on Elasticsearch 8 through the official client. */
export function createElasticsearchSearchIndex(options: {
  url: string;
  requestTimeoutMs?: number;
}): SearchIndex & { close(): Promise<void> } {
  const es = new Client({ node: options.url, requestTimeout: options.requestTimeoutMs ?? 30_000 });
  return createEngineSearchIndex({
    product: 'Elasticsearch',
    url: options.url,
    isResponseError: (e) => e instanceof errors.ResponseError,
    calls: {
      getMapping: (index) => es.indices.getMapping({ index }),
      createIndex: (index, definition) =>
        es.indices.create({ index, mappings: definition.mappings as estypes.MappingTypeMapping }),
      deleteIndex: (index) => es.indices.delete({ index }, { ignore: [404] }),
      bulk: (lines, refresh) => es.bulk({ operations: [...lines] as estypes.BulkOperationContainer[], refresh }),
      refresh: (index) => es.indices.refresh({ index }),
      search: (index, body) => es.search({ index, ...(body as estypes.SearchRequest) }),
      clusterHealth: () => es.cluster.health({}, HEALTH_REQUEST),
      close: () => es.close(),
    },
  });
}

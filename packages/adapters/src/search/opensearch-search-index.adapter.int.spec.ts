import { createOpenSearchSearchIndex } from './opensearch-search-index.adapter';
import { engineUrl, testEngineSearchIndex } from './search-engine.int-support';

// The stack runs OpenSearch beside Elasticsearch (OPENSEARCH_URL); an OpenSearch-only setup names it in ELASTICSEARCH_URL.
const url = engineUrl(
  'OPENSEARCH_URL',
  process.env.SEARCH_ENGINE === 'opensearch' ? process.env.ELASTICSEARCH_URL : undefined,
);

testEngineSearchIndex('OpenSearch', url, (target) => createOpenSearchSearchIndex({ url: target }));

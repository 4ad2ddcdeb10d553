import { createElasticsearchSearchIndex } from './elasticsearch-search-index.adapter';
import { engineUrl, testEngineSearchIndex } from './search-engine.int-support';

if (process.env.SEARCH_ENGINE === 'opensearch') {
  throw new Error(
    'SEARCH_ENGINE=opensearch: ELASTICSEARCH_URL points at OpenSearch; use `eval "$(bash scripts/stack env search)"`',
  );
}
const url = engineUrl('ELASTICSEARCH_URL');

testEngineSearchIndex('Elasticsearch', url, (target) => createElasticsearchSearchIndex({ url: target }));

import { Client, errors, type estypes } from '@elastic/elasticsearch';
import type { SearchIndex } from '@spice/domain';
import {
  EngineSearchIndex,
  engineError,
  type EngineFailure,
  type SearchEngineClient,
} from './engine-search-index';

/** SearchIndex on Elasticsearch 8 through the official client. */
export function createElasticsearchSearchIndex(options: {
  url: string;
  requestTimeoutMs?: number;
}): SearchIndex & { close(): Promise<void> } {
  const es = new Client({ node: options.url, requestTimeout: options.requestTimeoutMs ?? 30_000 });
  const client = new ElasticsearchEngineClient(es, options.url);
  const index = new EngineSearchIndex(client);
  return Object.assign(index, { close: () => es.close() });
}

/** A health probe answers quickly rather than retrying with back-off like data calls. */
const HEALTH_REQUEST = { maxRetries: 0, requestTimeout: 5_000 };

class ElasticsearchEngineClient implements SearchEngineClient {
  readonly product = 'Elasticsearch' as const;

  constructor(
    private readonly es: Client,
    readonly url: string,
  ) {}

  readMappingMeta(index: string) {
    return this.call(`read the mapping of '${index}'`, async () => {
      try {
        const response = await this.es.indices.getMapping({ index });
        return { found: true as const, meta: Object.values(response)[0]?.mappings._meta };
      } catch (e) {
        if (e instanceof errors.ResponseError && e.statusCode === 404) return { found: false as const };
        throw e;
      }
    });
  }

  createIndex(index: string, definition: { mappings: estypes.MappingTypeMapping }) {
    return this.call(`create index '${index}'`, async () => {
      try {
        await this.es.indices.create({ index, mappings: definition.mappings });
        return 'created' as const;
      } catch (e) {
        if (e instanceof errors.ResponseError && e.body?.error?.type === 'resource_already_exists_exception')
          return 'exists' as const;
        throw e;
      }
    });
  }

  deleteIndex(index: string) {
    return this.call(`delete index '${index}'`, async () => {
      await this.es.indices.delete({ index }, { ignore: [404] });
    });
  }

  bulk(lines: readonly Record<string, unknown>[], refresh: boolean) {
    return this.call('bulk write', async () => {
      const response = await this.es.bulk({
        operations: [...lines] as estypes.BulkOperationContainer[],
        refresh,
      });
      return { errors: response.errors, items: response.items as unknown as Record<string, unknown>[] };
    });
  }

  refresh(index: string) {
    return this.call(`refresh '${index}'`, async () => {
      await this.es.indices.refresh({ index });
    });
  }

  search(index: string, body: Record<string, unknown>) {
    return this.call(`search '${index}'`, async () => {
      const response = await this.es.search({ index, ...(body as estypes.SearchRequest) });
      const total = response.hits.total;
      return {
        total: typeof total === 'number' ? total : (total?.value ?? 0),
        hits: response.hits.hits.map((hit) => ({
          id: hit._id ?? '',
          score: hit._score ?? null,
          source: hit._source,
        })),
      };
    });
  }

  clusterHealth() {
    return this.call('read cluster health', async () => {
      const health = await this.es.cluster.health({}, HEALTH_REQUEST);
      return { clusterName: health.cluster_name, status: String(health.status) };
    });
  }

  private async call<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      throw engineError(this, action, describeFailure(e), e);
    }
  }
}

function describeFailure(e: unknown): EngineFailure {
  if (e instanceof errors.ResponseError) {
    const error = (e.body as { error?: { type?: string; reason?: string } } | undefined)?.error;
    return {
      kind: 'response',
      status: e.statusCode ?? 0,
      ...(error?.type ? { type: error.type } : {}),
      ...(error?.reason ? { reason: error.reason } : {}),
    };
  }
  return { kind: 'connection', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}

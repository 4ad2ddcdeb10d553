import { Client, errors } from '@opensearch-project/opensearch';
import type { SearchIndex } from '@spice/domain';
import {
  EngineSearchIndex,
  engineError,
  type EngineFailure,
  type SearchEngineClient,
} from './engine-search-index';
import type { EngineIndexDefinition } from './search-dsl';

/** SearchIndex on OpenSearch 2.x / 3.x through the official client. */
export function createOpenSearchSearchIndex(options: {
  url: string;
  requestTimeoutMs?: number;
}): SearchIndex & { close(): Promise<void> } {
  const os = new Client({ node: options.url, requestTimeout: options.requestTimeoutMs ?? 30_000 });
  const client = new OpenSearchEngineClient(os, options.url);
  const index = new EngineSearchIndex(client);
  return Object.assign(index, { close: () => os.close() });
}

/** A health probe answers quickly rather than retrying with back-off like data calls. */
const HEALTH_REQUEST = { maxRetries: 0, requestTimeout: 5_000 };

class OpenSearchEngineClient implements SearchEngineClient {
  readonly product = 'OpenSearch' as const;

  constructor(
    private readonly os: Client,
    readonly url: string,
  ) {}

  readMappingMeta(index: string) {
    return this.call(`read the mapping of '${index}'`, async () => {
      try {
        const { body } = await this.os.indices.getMapping({ index });
        return { found: true as const, meta: Object.values(body)[0]?.mappings?._meta };
      } catch (e) {
        if (e instanceof errors.ResponseError && e.statusCode === 404) return { found: false as const };
        throw e;
      }
    });
  }

  createIndex(index: string, definition: EngineIndexDefinition) {
    return this.call(`create index '${index}'`, async () => {
      try {
        await this.os.indices.create({ index, body: definition as unknown as Record<string, unknown> });
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
      await this.os.indices.delete({ index }, { ignore: [404] });
    });
  }

  bulk(lines: readonly Record<string, unknown>[], refresh: boolean) {
    return this.call('bulk write', async () => {
      const { body } = await this.os.bulk({ body: [...lines], refresh });
      return { errors: body.errors, items: body.items as unknown as Record<string, unknown>[] };
    });
  }

  refresh(index: string) {
    return this.call(`refresh '${index}'`, async () => {
      await this.os.indices.refresh({ index });
    });
  }

  search(index: string, request: Record<string, unknown>) {
    return this.call(`search '${index}'`, async () => {
      const { body } = await this.os.search({ index, body: request });
      const total = body.hits.total;
      return {
        total: typeof total === 'number' ? total : (total?.value ?? 0),
        hits: body.hits.hits.map((hit) => ({
          id: hit._id ?? '',
          score: typeof hit._score === 'number' ? hit._score : null,
          source: hit._source,
        })),
      };
    });
  }

  clusterHealth() {
    return this.call('read cluster health', async () => {
      const { body } = await this.os.cluster.health({}, HEALTH_REQUEST);
      return { clusterName: body.cluster_name, status: String(body.status) };
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

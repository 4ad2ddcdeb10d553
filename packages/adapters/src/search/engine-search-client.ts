import type { SearchIndex } from '@spice/domain';
import {
  EngineSearchIndex,
  engineError,
  type EngineFailure,
  type SearchEngineClient,
} from './engine-search-index';
import type { EngineIndexDefinition } from './search-dsl';

/** A health probe answers quickly rather than retrying with back-off like data calls. */
export const HEALTH_REQUEST = { maxRetries: 0, requestTimeout: 5_000 };

/**
 * The engine calls in one client library's own request shapes, each resolving to the response body (the
 * Elasticsearch 8 client returns it as is, the OpenSearch client wraps it in `{ body }`). The error handling
 * and the reading of the bodies are the same for both and live here.
 */
export interface EngineLibraryCalls {
  getMapping(index: string): Promise<Record<string, { mappings?: { _meta?: unknown } } | undefined>>;
  createIndex(index: string, definition: EngineIndexDefinition): Promise<unknown>;
  /** Must ignore a 404: the index is already gone. */
  deleteIndex(index: string): Promise<unknown>;
  bulk(lines: readonly Record<string, unknown>[], refresh: boolean): Promise<{ errors?: boolean; items?: unknown }>;
  refresh(index: string): Promise<unknown>;
  search(
    index: string,
    body: Record<string, unknown>,
  ): Promise<{
    hits: {
      total?: number | { value: number };
      hits: readonly { _id?: string | null; _score?: unknown; _source?: unknown }[];
    };
  }>;
  /** With HEALTH_REQUEST as the request options. */
  clusterHealth(): Promise<{ cluster_name: string; status: unknown }>;
  close(): Promise<void>;
}

export interface EngineLibrary {
  readonly product: SearchEngineClient['product'];
  readonly url: string;
  /** True for the library's HTTP error response (it carries the status and the engine's error body). */
  isResponseError(e: unknown): e is { statusCode?: number; body?: unknown };
  readonly calls: EngineLibraryCalls;
}

/** The SearchIndex over an Elasticsearch-API engine, through the given client library. */
export function createEngineSearchIndex(library: EngineLibrary): SearchIndex & { close(): Promise<void> } {
  const index = new EngineSearchIndex(new LibraryEngineClient(library));
  return Object.assign(index, { close: () => library.calls.close() });
}

class LibraryEngineClient implements SearchEngineClient {
  readonly product: SearchEngineClient['product'];
  readonly url: string;
  private readonly calls: EngineLibraryCalls;

  constructor(private readonly library: EngineLibrary) {
    this.product = library.product;
    this.url = library.url;
    this.calls = library.calls;
  }

  readMappingMeta(index: string) {
    return this.call(`read the mapping of '${index}'`, async () => {
      try {
        const response = await this.calls.getMapping(index);
        return { found: true as const, meta: Object.values(response)[0]?.mappings?._meta };
      } catch (e) {
        if (this.library.isResponseError(e) && e.statusCode === 404) return { found: false as const };
        throw e;
      }
    });
  }

  createIndex(index: string, definition: EngineIndexDefinition) {
    return this.call(`create index '${index}'`, async () => {
      try {
        await this.calls.createIndex(index, definition);
        return 'created' as const;
      } catch (e) {
        if (this.library.isResponseError(e) && errorBody(e)?.type === 'resource_already_exists_exception')
          return 'exists' as const;
        throw e;
      }
    });
  }

  deleteIndex(index: string) {
    return this.call(`delete index '${index}'`, async () => {
      await this.calls.deleteIndex(index);
    });
  }

  bulk(lines: readonly Record<string, unknown>[], refresh: boolean) {
    return this.call('bulk write', async () => {
      const response = await this.calls.bulk(lines, refresh);
      return { errors: response.errors, items: response.items as Record<string, unknown>[] };
    });
  }

  refresh(index: string) {
    return this.call(`refresh '${index}'`, async () => {
      await this.calls.refresh(index);
    });
  }

  search(index: string, body: Record<string, unknown>) {
    return this.call(`search '${index}'`, async () => {
      const { hits } = await this.calls.search(index, body);
      return {
        total: typeof hits.total === 'number' ? hits.total : (hits.total?.value ?? 0),
        hits: hits.hits.map((hit) => ({
          id: hit._id ?? '',
          score: typeof hit._score === 'number' ? hit._score : null,
          source: hit._source,
        })),
      };
    });
  }

  clusterHealth() {
    return this.call('read cluster health', async () => {
      const health = await this.calls.clusterHealth();
      return { clusterName: health.cluster_name, status: String(health.status) };
    });
  }

  private async call<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      throw engineError(this, action, this.describeFailure(e), e);
    }
  }

  private describeFailure(e: unknown): EngineFailure {
    if (this.library.isResponseError(e)) {
      const error = errorBody(e);
      return {
        kind: 'response',
        status: e.statusCode ?? 0,
        ...(error?.type ? { type: error.type } : {}),
        ...(error?.reason ? { reason: error.reason } : {}),
      };
    }
    return { kind: 'connection', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

function errorBody(e: { body?: unknown }): { type?: string; reason?: string } | undefined {
  return (e.body as { error?: { type?: string; reason?: string } } | undefined)?.error;
}

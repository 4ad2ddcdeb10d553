import {
  DomainError,
  conflict,
  notFound,
  type BulkOperation,
  type ComponentHealth,
  type ErrorKind,
  type IndexMapping,
  type SearchDocumentBody,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
} from '@spice/domain';
import {
  bulkFailures,
  fromEngineDocument,
  fromEngineMappingMeta,
  toEngineBulk,
  toEngineIndex,
  toEngineSearch,
  type BulkItemFailure,
  type EngineIndexDefinition,
} from './search-dsl';
import { assertBulk, assertIndexName, assertMapping, planSearch, sameMapping } from './search-plan';

/** What the SearchIndex needs from an Elasticsearch-API engine; one small implementation per client library. */
export interface SearchEngineClient {
  readonly product: 'Elasticsearch' | 'OpenSearch';
  readonly url: string;
  /** The `_meta` of the index's mapping, or `missing` when there is no such index. */
  readMappingMeta(
    index: string,
  ): Promise<{ readonly found: true; readonly meta: unknown } | { readonly found: false }>;
  /** `exists` when another writer created it first. */
  createIndex(index: string, definition: EngineIndexDefinition): Promise<'created' | 'exists'>;
  /** Succeeds when the index is already gone. */
  deleteIndex(index: string): Promise<void>;
  bulk(
    lines: readonly Record<string, unknown>[],
    refresh: boolean,
  ): Promise<{ errors?: boolean; items?: readonly Record<string, unknown>[] }>;
  refresh(index: string): Promise<void>;
  search(
    index: string,
    body: Record<string, unknown>,
  ): Promise<{
    readonly total: number;
    readonly hits: readonly {
      readonly id: string;
      readonly score: number | null;
      readonly source: unknown;
    }[];
  }>;
  clusterHealth(): Promise<{ readonly clusterName: string; readonly status: string }>;
}

/** How a client library reports a failed call, reduced to what decides the DomainError. */
export type EngineFailure =
  | { readonly kind: 'connection'; readonly message: string }
  | { readonly kind: 'response'; readonly status: number; readonly type?: string; readonly reason?: string };

export function engineError(
  client: Pick<SearchEngineClient, 'product' | 'url'>,
  action: string,
  failure: EngineFailure,
  cause: unknown,
): DomainError {
  if (failure.kind === 'connection') {
    return new DomainError({
      code: 'SEARCH.UNAVAILABLE',
      kind: 'unavailable',
      message: `${client.product} at ${client.url} is unreachable (${action}): ${failure.message}`,
      context: { url: client.url, action },
      cause,
    });
  }
  const detail = `${failure.type ?? 'error'}: ${failure.reason ?? 'no reason given'}`;
  if (failure.status === 404 && failure.type === 'index_not_found_exception') {
    return notFound(
      'SEARCH.INDEX_NOT_FOUND',
      `${client.product} has no such index (${action}): ${failure.reason ?? ''}`,
      { action },
    );
  }
  return new DomainError({
    code: failure.status === 429 || failure.status >= 500 ? 'SEARCH.UNAVAILABLE' : 'SEARCH.ENGINE_REJECTED',
    kind: statusKind(failure.status),
    message: `${client.product} refused ${action} (HTTP ${failure.status}) ${detail}`,
    context: { url: client.url, action, status: failure.status, type: failure.type },
    cause,
  });
}

function statusKind(status: number): ErrorKind {
  if (status === 429 || status >= 500) return 'unavailable';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400) return 'invalid';
  return 'precondition';
}

const REBUILD_BATCH = 500;

/** The SearchIndex over any engine that speaks the Elasticsearch API; the two adapters only supply the client. */
export class EngineSearchIndex implements SearchIndex {
  /** Mappings seen by this process, so writes and searches need not read them back each time. */
  private readonly mappings = new Map<string, IndexMapping>();

  constructor(private readonly client: SearchEngineClient) {}

  async ensureIndex(index: string, mapping: IndexMapping): Promise<void> {
    assertIndexName(index);
    assertMapping(mapping);
    const existing = await this.readMapping(index);
    if (existing === undefined) {
      if ((await this.client.createIndex(index, toEngineIndex(mapping))) === 'exists') {
        return this.ensureIndex(index, mapping);
      }
    } else if (!sameMapping(existing, mapping)) {
      throw conflict(
        'SEARCH.MAPPING_CONFLICT',
        `Index '${index}' exists with another mapping; rebuild it to change the mapping`,
        {
          index,
          existing: existing.fields,
          requested: mapping.fields,
        },
      );
    }
    this.mappings.set(index, mapping);
  }

  index(index: string, id: string, body: SearchDocumentBody): Promise<void> {
    return this.bulk(index, [{ op: 'index', id, body }]);
  }

  async bulk(index: string, operations: readonly BulkOperation[]): Promise<void> {
    assertBulk(await this.mappingOf(index), operations);
    await this.write(index, operations, true);
  }

  delete(index: string, id: string): Promise<void> {
    return this.bulk(index, [{ op: 'delete', id }]);
  }

  async search(index: string, query: SearchQuery): Promise<SearchResult> {
    const plan = planSearch(await this.mappingOf(index), query);
    const result = await this.client.search(index, toEngineSearch(plan));
    return {
      total: result.total,
      hits: result.hits.map((hit) => ({
        id: hit.id,
        score: hit.score ?? 0,
        body: fromEngineDocument(hit.source),
      })),
    };
  }

  async rebuild(
    index: string,
    mapping: IndexMapping,
    documents:
      | AsyncIterable<{ id: string; body: SearchDocumentBody }>
      | Iterable<{ id: string; body: SearchDocumentBody }>,
  ): Promise<void> {
    assertIndexName(index);
    assertMapping(mapping);
    this.mappings.delete(index);
    await this.client.deleteIndex(index);
    await this.ensureIndex(index, mapping);
    let batch: BulkOperation[] = [];
    for await (const document of documents) {
      batch.push({ op: 'index', id: document.id, body: document.body });
      if (batch.length === REBUILD_BATCH) {
        assertBulk(mapping, batch);
        await this.write(index, batch, false);
        batch = [];
      }
    }
    assertBulk(mapping, batch);
    await this.write(index, batch, false);
    await this.client.refresh(index);
  }

  async health(): Promise<ComponentHealth> {
    const base = { component: 'search index', adapter: this.client.product, mode: 'real' } as const;
    try {
      const { clusterName, status } = await this.client.clusterHealth();
      return {
        ...base,
        up: status === 'green' || status === 'yellow',
        detail: `${this.client.url} cluster '${clusterName}' is ${status}`,
      };
    } catch (e) {
      return { ...base, up: false, detail: e instanceof Error ? e.message : String(e) };
    }
  }

  private async write(index: string, operations: readonly BulkOperation[], refresh: boolean): Promise<void> {
    if (operations.length === 0) return;
    const failures = bulkFailures(await this.client.bulk(toEngineBulk(index, operations), refresh));
    if (failures.length > 0) throw bulkError(this.client.product, index, operations.length, failures);
  }

  private async mappingOf(index: string): Promise<IndexMapping> {
    assertIndexName(index);
    const mapping = this.mappings.get(index) ?? (await this.readMapping(index));
    if (mapping === undefined)
      throw notFound(
        'SEARCH.INDEX_NOT_FOUND',
        `Search index '${index}' does not exist; call ensureIndex first`,
        { index },
      );
    this.mappings.set(index, mapping);
    return mapping;
  }

  private async readMapping(index: string): Promise<IndexMapping | undefined> {
    const read = await this.client.readMappingMeta(index);
    if (!read.found) return undefined;
    const mapping = fromEngineMappingMeta(read.meta);
    if (mapping === undefined) {
      throw conflict(
        'SEARCH.FOREIGN_INDEX',
        `Index '${index}' exists but was not created by Spice Harvester (no mapping in _meta)`,
        { index },
      );
    }
    return mapping;
  }
}

function bulkError(
  product: string,
  index: string,
  attempted: number,
  failures: readonly BulkItemFailure[],
): DomainError {
  const [first] = failures as [BulkItemFailure, ...BulkItemFailure[]];
  const ids = failures.map((f) => f.id);
  const shown =
    ids.length > 20 ? `${ids.slice(0, 20).join(', ')} and ${ids.length - 20} more` : ids.join(', ');
  return new DomainError({
    code: 'SEARCH.BULK_FAILED',
    kind: statusKind(first.status),
    message: `${product} rejected ${failures.length} of ${attempted} operations on index '${index}' (ids: ${shown}); first: ${first.type}: ${first.reason}`,
    context: { index, failedIds: ids, failures },
  });
}

import type { HealthCheckable } from '../shared/health';

export type SearchFieldType = 'text' | 'keyword' | 'integer' | 'double' | 'boolean' | 'date';

/** Field name -> type. `text` fields are full-text searched; the others are filterable exactly. */
export interface IndexMapping {
  readonly fields: Readonly<Record<string, SearchFieldType>>;
}

export type SearchDocumentBody = Readonly<Record<string, unknown>>;

export type BulkOperation =
  | { readonly op: 'index'; readonly id: string; readonly body: SearchDocumentBody }
  | { readonly op: 'delete'; readonly id: string };

export type SearchFilter =
  | { readonly field: string; readonly op: 'eq'; readonly value: string | number | boolean }
  | { readonly field: string; readonly op: 'in'; readonly values: readonly (string | number | boolean)[] }
  | { readonly field: string; readonly op: 'range'; readonly gte?: number | string; readonly lte?: number | string };

export interface SearchQuery {
  /** Free text matched against every `text` field; empty or absent matches all. */
  readonly text?: string;
  readonly filters?: readonly SearchFilter[];
  readonly sort?: readonly { readonly field: string; readonly direction: 'asc' | 'desc' }[];
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchHit {
  readonly id: string;
  readonly score: number;
  readonly body: SearchDocumentBody;
}

export interface SearchResult {
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

/**
 * A search projection. Writes are visible to `search` once the call resolves (implementations refresh).
 * Implementations: Postgres full-text + JSONB (embedded) and Elasticsearch / OpenSearch (real).
 */
export interface SearchIndex extends HealthCheckable {
  ensureIndex(index: string, mapping: IndexMapping): Promise<void>;
  index(index: string, id: string, body: SearchDocumentBody): Promise<void>;
  bulk(index: string, operations: readonly BulkOperation[]): Promise<void>;
  delete(index: string, id: string): Promise<void>;
  search(index: string, query: SearchQuery): Promise<SearchResult>;
  /** Drops the index, recreates it with `mapping` and loads `documents`; used by replays. */
  rebuild(
    index: string,
    mapping: IndexMapping,
    documents: AsyncIterable<{ id: string; body: SearchDocumentBody }> | Iterable<{ id: string; body: SearchDocumentBody }>,
  ): Promise<void>;
}

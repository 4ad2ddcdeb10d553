import type { BulkOperation, IndexMapping, SearchDocumentBody, SearchFieldType } from '@spice/domain';
import type { PlannedFilter, PlannedSort, SearchPlan } from './search-plan';

/**
 * Translation from the port's types to the Elasticsearch / OpenSearch JSON API (the two share it for everything
 * used here). Pure: the adapters send what these functions build.
 */

/** The document id, indexed as a keyword so it can break sort ties (sorting on `_id` is disabled in Elasticsearch 8). */
export const ID_FIELD = '@id';
/** All text fields are copied here, so every word of a query may match in a different field (as in Postgres). */
export const ALL_TEXT_FIELD = '@text';
/** Exact-value sub-field of text fields, for sorting and eq/in filters on them. */
const RAW = 'raw';
/** Longer text values are not indexed for exact match or sort (Lucene refuses terms over 32 KB). */
const RAW_IGNORE_ABOVE = 2048;

const ENGINE_TYPES = {
  text: 'text',
  keyword: 'keyword',
  integer: 'long',
  double: 'double',
  boolean: 'boolean',
  date: 'date',
} as const satisfies Record<SearchFieldType, string>;

export interface EngineIndexDefinition {
  readonly mappings: {
    readonly dynamic: false;
    readonly _meta: { readonly spice: { readonly fields: IndexMapping['fields'] } };
    readonly properties: Record<string, Record<string, unknown>>;
  };
}

export function toEngineIndex(mapping: IndexMapping): EngineIndexDefinition {
  const properties: Record<string, Record<string, unknown>> = {
    [ID_FIELD]: { type: 'keyword' },
    [ALL_TEXT_FIELD]: { type: 'text' },
  };
  for (const [field, type] of Object.entries(mapping.fields)) {
    properties[field] =
      type === 'text'
        ? {
            type: 'text',
            copy_to: ALL_TEXT_FIELD,
            fields: { [RAW]: { type: 'keyword', ignore_above: RAW_IGNORE_ABOVE } },
          }
        : { type: ENGINE_TYPES[type] };
  }
  // dynamic: false keeps unmapped body fields in _source without indexing them, like the Postgres adapter.
  return { mappings: { dynamic: false, _meta: { spice: { fields: { ...mapping.fields } } }, properties } };
}

/** Reads back the mapping `toEngineIndex` stored in the index's `_meta`; undefined for an index we did not create. */
export function fromEngineMappingMeta(meta: unknown): IndexMapping | undefined {
  const fields = (meta as { spice?: { fields?: unknown } } | undefined)?.spice?.fields;
  return fields !== null && typeof fields === 'object'
    ? { fields: fields as IndexMapping['fields'] }
    : undefined;
}

export function toEngineSearch(plan: SearchPlan): Record<string, unknown> {
  const text =
    plan.words.length === 0
      ? { match_all: {} }
      : { match_bool_prefix: { [ALL_TEXT_FIELD]: { query: plan.words.join(' '), operator: 'and' } } };
  return {
    query: { bool: { must: [text], filter: plan.filters.map(toEngineFilter) } },
    sort: [
      ...plan.sort.map(toEngineSort),
      ...(plan.words.length > 0 ? [{ _score: { order: 'desc' } }] : []),
      { [ID_FIELD]: { order: 'asc' } },
    ],
    from: plan.offset,
    size: plan.limit,
    track_total_hits: true,
    track_scores: true,
  };
}

function exactField(field: string, type: SearchFieldType): string {
  return type === 'text' ? `${field}.${RAW}` : field;
}

function toEngineFilter(filter: PlannedFilter): Record<string, unknown> {
  if (filter.op === 'range') {
    const bounds = {
      ...(filter.gte === undefined ? {} : { gte: filter.gte }),
      ...(filter.lte === undefined ? {} : { lte: filter.lte }),
    };
    return { range: { [filter.field]: bounds } };
  }
  return { terms: { [exactField(filter.field, filter.type)]: filter.values } };
}

function toEngineSort(sort: PlannedSort): Record<string, unknown> {
  // Missing values last in both directions, as Postgres' NULLS LAST.
  return { [exactField(sort.field, sort.type)]: { order: sort.direction, missing: '_last' } };
}

/** The bulk API's alternating action / source lines. */
export function toEngineBulk(index: string, operations: readonly BulkOperation[]): Record<string, unknown>[] {
  return operations.flatMap((operation) =>
    operation.op === 'index'
      ? [{ index: { _index: index, _id: operation.id } }, toEngineDocument(operation.id, operation.body)]
      : [{ delete: { _index: index, _id: operation.id } }],
  );
}

export function toEngineDocument(id: string, body: SearchDocumentBody): Record<string, unknown> {
  return { ...body, [ID_FIELD]: id };
}

export function fromEngineDocument(source: unknown): SearchDocumentBody {
  const { [ID_FIELD]: _id, ...body } = (source ?? {}) as Record<string, unknown>;
  return body;
}

export interface BulkItemFailure {
  readonly id: string;
  readonly status: number;
  readonly type: string;
  readonly reason: string;
}

/** The failed items of a bulk response; deleting a document that is not there is not a failure. */
export function bulkFailures(response: {
  errors?: boolean;
  items?: readonly Record<string, unknown>[];
}): BulkItemFailure[] {
  if (!response.errors) return [];
  return (response.items ?? []).flatMap((item) =>
    Object.values(item).flatMap((result) => {
      const { _id, status, error } = result as {
        _id?: string;
        status?: number;
        error?: { type?: string; reason?: string };
      };
      return error
        ? [
            {
              id: String(_id),
              status: status ?? 0,
              type: error.type ?? 'unknown',
              reason: error.reason ?? '',
            },
          ]
        : [];
    }),
  );
}

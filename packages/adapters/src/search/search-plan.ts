import {
  invalid,
  type BulkOperation,
  type FieldIssue,
  type IndexMapping,
  type SearchDocumentBody,
  type SearchFieldType,
  type SearchQuery,
} from '@spice/domain';

/**
 * The rules every SearchIndex adapter enforces the same way, and the validated plan of a query that both the
 * Elasticsearch/OpenSearch DSL and the Postgres SQL are generated from, so the engines agree on what a query means.
 */

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1_000;
/** Elasticsearch's default `index.max_result_window`: offset + limit beyond it is refused there. */
export const MAX_RESULT_WINDOW = 10_000;

const INDEX_NAME = /^[a-z0-9][a-z0-9_-]{0,99}$/;
/** No dots (Elasticsearch would read them as object paths) and no leading `@` (reserved for the adapters' own fields). */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const FIELD_TYPES: readonly SearchFieldType[] = ['text', 'keyword', 'integer', 'double', 'boolean', 'date'];
/** A calendar date, or a date-time that says its zone, so every engine reads the same instant. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** Letters and digits in any script; everything else separates words, on both engines. */
const WORD = /[\p{L}\p{N}]+/gu;

type FilterValue = string | number | boolean;

export type PlannedFilter =
  | {
      readonly field: string;
      readonly type: SearchFieldType;
      readonly op: 'in';
      readonly values: readonly FilterValue[];
    }
  | {
      readonly field: string;
      readonly type: 'integer' | 'double' | 'date';
      readonly op: 'range';
      readonly gte?: FilterValue;
      readonly lte?: FilterValue;
    };

export interface PlannedSort {
  readonly field: string;
  readonly type: SearchFieldType;
  readonly direction: 'asc' | 'desc';
}

/** A query checked against the index mapping: fields exist, values have the field's type, dates are UTC ISO strings. */
export interface SearchPlan {
  /** Every word must occur in some text field; the last one may be the start of a word. Empty matches all. */
  readonly words: readonly string[];
  /** `eq` is planned as `in` with one value. */
  readonly filters: readonly PlannedFilter[];
  /** Then by score (when there are words) and by id, so pages are stable. */
  readonly sort: readonly PlannedSort[];
  readonly limit: number;
  readonly offset: number;
}

export function assertIndexName(index: string): void {
  if (!INDEX_NAME.test(index)) {
    throw invalid(
      'SEARCH.INVALID_INDEX_NAME',
      `Index name '${index}' must be 1-100 characters of lower-case letters, digits, '-' or '_', starting with a letter or digit`,
      [{ path: 'index', message: 'lower-case letters, digits, - and _ only', rule: INDEX_NAME.source }],
      { index },
    );
  }
}

export function assertMapping(mapping: IndexMapping): void {
  const issues: FieldIssue[] = [];
  for (const [field, type] of Object.entries(mapping.fields)) {
    if (!FIELD_NAME.test(field))
      issues.push({
        path: `fields.${field}`,
        message: 'field names are letters, digits and _',
        rule: FIELD_NAME.source,
      });
    if (!FIELD_TYPES.includes(type))
      issues.push({ path: `fields.${field}`, message: `unknown field type '${String(type)}'` });
  }
  if (issues.length > 0) throw invalid('SEARCH.INVALID_MAPPING', 'The index mapping is not valid', issues);
}

export function sameMapping(a: IndexMapping, b: IndexMapping): boolean {
  const aKeys = Object.keys(a.fields);
  return aKeys.length === Object.keys(b.fields).length && aKeys.every((k) => a.fields[k] === b.fields[k]);
}

export function assertDocumentId(id: string): void {
  if (id.length === 0 || id.length > 512) {
    throw invalid(
      'SEARCH.INVALID_DOCUMENT_ID',
      'Document ids are 1-512 characters',
      [{ path: 'id', message: 'length 1-512' }],
      { id },
    );
  }
}

/** Mapped fields must hold a value of their type (or be null/absent); unmapped fields are kept but not searchable. */
export function assertDocument(mapping: IndexMapping, id: string, body: SearchDocumentBody): void {
  assertDocumentId(id);
  const issues: FieldIssue[] = [];
  for (const [field, type] of Object.entries(mapping.fields)) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (!valueHasType(value, type))
      issues.push({ path: field, message: `expected ${describeType(type)}, got ${JSON.stringify(value)}` });
  }
  if (issues.length > 0) {
    throw invalid('SEARCH.INVALID_DOCUMENT', `Document '${id}' does not match the index mapping`, issues, {
      id,
    });
  }
}

export function assertBulk(mapping: IndexMapping, operations: readonly BulkOperation[]): void {
  for (const operation of operations) {
    if (operation.op === 'index') assertDocument(mapping, operation.id, operation.body);
    else assertDocumentId(operation.id);
  }
}

/** The text fields' values, joined, as the one string full-text search reads. */
export function searchableText(mapping: IndexMapping, body: SearchDocumentBody): string {
  return textFields(mapping)
    .map((field) => body[field])
    .filter((value): value is string => typeof value === 'string')
    .join(' ');
}

export function textFields(mapping: IndexMapping): string[] {
  return Object.entries(mapping.fields)
    .filter(([, type]) => type === 'text')
    .map(([field]) => field);
}

export function wordsOf(text: string | undefined): string[] {
  return text?.match(WORD) ?? [];
}

export function planSearch(mapping: IndexMapping, query: SearchQuery): SearchPlan {
  const issues: FieldIssue[] = [];
  const typeOf = (field: string, path: string): SearchFieldType | undefined => {
    const type = mapping.fields[field];
    if (type === undefined) issues.push({ path, message: `'${field}' is not a field of this index` });
    return type;
  };
  const filters: PlannedFilter[] = [];
  (query.filters ?? []).forEach((filter, i) => {
    const path = `filters.${i}`;
    const type = typeOf(filter.field, `${path}.field`);
    if (type === undefined) return;
    if (filter.op === 'range') {
      if (type !== 'integer' && type !== 'double' && type !== 'date') {
        issues.push({
          path,
          message: `range filters need an integer, double or date field; '${filter.field}' is ${type}`,
        });
        return;
      }
      if (filter.gte === undefined && filter.lte === undefined)
        issues.push({ path, message: 'a range needs gte, lte or both' });
      const gte = filter.gte === undefined ? undefined : normalise(type, filter.gte, `${path}.gte`, issues);
      const lte = filter.lte === undefined ? undefined : normalise(type, filter.lte, `${path}.lte`, issues);
      filters.push({
        field: filter.field,
        type,
        op: 'range',
        ...(gte === undefined ? {} : { gte }),
        ...(lte === undefined ? {} : { lte }),
      });
      return;
    }
    const raw = filter.op === 'eq' ? [filter.value] : filter.values;
    const values = raw
      .map((value, j) =>
        normalise(type, value, filter.op === 'eq' ? `${path}.value` : `${path}.values.${j}`, issues),
      )
      .filter((value): value is FilterValue => value !== undefined);
    filters.push({ field: filter.field, type, op: 'in', values });
  });
  const sort: PlannedSort[] = [];
  (query.sort ?? []).forEach((s, i) => {
    const type = typeOf(s.field, `sort.${i}.field`);
    if (s.direction !== 'asc' && s.direction !== 'desc')
      issues.push({ path: `sort.${i}.direction`, message: "must be 'asc' or 'desc'" });
    if (type !== undefined) sort.push({ field: s.field, type, direction: s.direction });
  });
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT)
    issues.push({ path: 'limit', message: `an integer from 0 to ${MAX_LIMIT}` });
  if (!Number.isInteger(offset) || offset < 0)
    issues.push({ path: 'offset', message: 'a non-negative integer' });
  else if (offset + limit > MAX_RESULT_WINDOW)
    issues.push({ path: 'offset', message: `offset + limit may be at most ${MAX_RESULT_WINDOW}` });
  if (issues.length > 0)
    throw invalid('SEARCH.INVALID_QUERY', 'The search query does not fit the index mapping', issues);
  return { words: wordsOf(query.text), filters, sort, limit, offset };
}

function normalise(
  type: SearchFieldType,
  value: unknown,
  path: string,
  issues: FieldIssue[],
): FilterValue | undefined {
  if (!valueHasType(value, type)) {
    issues.push({ path, message: `expected ${describeType(type)}, got ${JSON.stringify(value)}` });
    return undefined;
  }
  return type === 'date' ? new Date(value as string).toISOString() : (value as FilterValue);
}

function valueHasType(value: unknown, type: SearchFieldType): boolean {
  switch (type) {
    case 'text':
    case 'keyword':
      return typeof value === 'string';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'double':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return (
        typeof value === 'string' &&
        ISO_DATE.test(value) &&
        isCalendarDate(value) &&
        !Number.isNaN(Date.parse(value))
      );
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
}

/** Date.parse rolls 2024-02-30 over to March; the engines refuse it, so the plan does too. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function describeType(type: SearchFieldType): string {
  return type === 'date' ? 'an ISO-8601 date (YYYY-MM-DD) or date-time with a zone' : `a ${type} value`;
}

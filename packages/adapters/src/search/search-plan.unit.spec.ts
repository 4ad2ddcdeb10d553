import { describe, expect, it } from 'vitest';
import { DomainError } from '@spice/domain';
import {
  assertDocument,
  assertIndexName,
  assertMapping,
  planSearch,
  searchableText,
  wordsOf,
} from './search-plan';

const mapping = {
  fields: { name: 'text', city: 'text', team: 'keyword', age: 'integer', joined: 'date' },
} as const;

const errorOf = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};

describe('search rules', () => {
  it('accepts lower-case index names and refuses the rest', () => {
    expect(() => assertIndexName('objects_v2-people')).not.toThrow();
    for (const bad of ['', 'People', '-x', '_x', 'a/b', 'a b', 'a*', 'x'.repeat(101)]) {
      expect(errorOf(() => assertIndexName(bad)).code, bad).toBe('SEARCH.INVALID_INDEX_NAME');
    }
  });

  it('refuses field names that are not plain identifiers and unknown types', () => {
    const error = errorOf(() =>
      assertMapping({ fields: { 'a.b': 'text', '@id': 'keyword', ok: 'float' as never } }),
    );
    expect(error.code).toBe('SEARCH.INVALID_MAPPING');
    expect(error.issues.map((i) => i.path)).toEqual(['fields.a.b', 'fields.@id', 'fields.ok']);
  });

  it('checks mapped values by type, and leaves unmapped and null ones alone', () => {
    expect(() =>
      assertDocument(mapping, 'a', {
        name: 'A',
        age: 3,
        joined: '2024-02-29T10:00:00.5+01:00',
        extra: [1],
        team: null,
      }),
    ).not.toThrow();
    const error = errorOf(() => assertDocument(mapping, 'a', { name: 1, age: 1.5, joined: '2024-02-30' }));
    expect(error.issues.map((i) => i.path)).toEqual(['name', 'age', 'joined']);
    // A date-time without a zone would mean different instants to different engines.
    expect(errorOf(() => assertDocument(mapping, 'a', { joined: '2024-01-01T10:00:00' })).code).toBe(
      'SEARCH.INVALID_DOCUMENT',
    );
    expect(errorOf(() => assertDocument(mapping, '', {})).code).toBe('SEARCH.INVALID_DOCUMENT_ID');
  });

  it('joins only the text fields into the searchable text', () => {
    expect(searchableText(mapping, { name: 'Alice', city: 'London', team: 'red' })).toBe('Alice London');
  });

  it('splits words on anything but letters and digits, in any script', () => {
    expect(wordsOf("O'Brien  straße-42 東京")).toEqual(['O', 'Brien', 'straße', '42', '東京']);
    expect(wordsOf(undefined)).toEqual([]);
  });
});

describe('planSearch', () => {
  it('defaults to the first 20 by id', () => {
    expect(planSearch(mapping, {})).toEqual({ words: [], filters: [], sort: [], limit: 20, offset: 0 });
  });

  it('plans eq as a one-value in and normalises dates to UTC', () => {
    const plan = planSearch(mapping, {
      filters: [
        { field: 'team', op: 'eq', value: 'red' },
        { field: 'joined', op: 'range', lte: '2024-01-01T01:00:00+01:00' },
      ],
    });
    expect(plan.filters).toEqual([
      { field: 'team', type: 'keyword', op: 'in', values: ['red'] },
      { field: 'joined', type: 'date', op: 'range', lte: '2024-01-01T00:00:00.000Z' },
    ]);
  });

  it('names every problem of a query at once', () => {
    const error = errorOf(() =>
      planSearch(mapping, {
        filters: [
          { field: 'nope', op: 'eq', value: 1 },
          { field: 'age', op: 'in', values: [1, '2'] },
          { field: 'team', op: 'range', gte: 1 },
          { field: 'age', op: 'range' },
        ],
        sort: [{ field: 'missing', direction: 'asc' }],
        limit: 1_001,
        offset: -1,
      }),
    );
    expect(error.code).toBe('SEARCH.INVALID_QUERY');
    expect(error.kind).toBe('invalid');
    expect(error.issues.map((i) => i.path)).toEqual([
      'filters.0.field',
      'filters.1.values.1',
      'filters.2',
      'filters.3',
      'sort.0.field',
      'limit',
      'offset',
    ]);
  });

  it('refuses pages beyond the result window', () => {
    expect(errorOf(() => planSearch(mapping, { offset: 9_990, limit: 20 })).issues[0]?.path).toBe('offset');
    expect(planSearch(mapping, { offset: 9_980, limit: 20 }).offset).toBe(9_980);
  });
});

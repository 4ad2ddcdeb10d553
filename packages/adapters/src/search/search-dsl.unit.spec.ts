import { describe, expect, it } from 'vitest';
import {
  ALL_TEXT_FIELD,
  ID_FIELD,
  bulkFailures,
  fromEngineDocument,
  fromEngineMappingMeta,
  toEngineBulk,
  toEngineIndex,
  toEngineSearch,
} from './search-dsl';
import { planSearch } from './search-plan';

const mapping = {
  fields: {
    name: 'text',
    team: 'keyword',
    age: 'integer',
    score: 'double',
    active: 'boolean',
    joined: 'date',
  },
} as const;

describe('toEngineIndex', () => {
  it('maps each field type, copies text fields into one searchable field and keeps the mapping in _meta', () => {
    const { mappings } = toEngineIndex(mapping);
    expect(mappings.dynamic).toBe(false);
    expect(mappings.properties).toEqual({
      [ID_FIELD]: { type: 'keyword' },
      [ALL_TEXT_FIELD]: { type: 'text' },
      name: {
        type: 'text',
        copy_to: ALL_TEXT_FIELD,
        fields: { raw: { type: 'keyword', ignore_above: 2048 } },
      },
      team: { type: 'keyword' },
      age: { type: 'long' },
      score: { type: 'double' },
      active: { type: 'boolean' },
      joined: { type: 'date' },
    });
    expect(fromEngineMappingMeta(mappings._meta)).toEqual(mapping);
  });

  it('reads no mapping from an index without our _meta', () => {
    expect(fromEngineMappingMeta(undefined)).toBeUndefined();
    expect(fromEngineMappingMeta({ other: 1 })).toBeUndefined();
  });
});

describe('toEngineSearch', () => {
  it('matches all, ordered by id, when there is no text', () => {
    expect(toEngineSearch(planSearch(mapping, {}))).toEqual({
      query: { bool: { must: [{ match_all: {} }], filter: [] } },
      sort: [{ [ID_FIELD]: { order: 'asc' } }],
      from: 0,
      size: 20,
      track_total_hits: true,
      track_scores: true,
    });
  });

  it('requires every word across the text fields, the last as a prefix, then orders by score and id', () => {
    const body = toEngineSearch(planSearch(mapping, { text: '  Alice, wond!' }));
    expect(body.query).toEqual({
      bool: {
        must: [{ match_bool_prefix: { [ALL_TEXT_FIELD]: { query: 'Alice wond', operator: 'and' } } }],
        filter: [],
      },
    });
    expect(body.sort).toEqual([{ _score: { order: 'desc' } }, { [ID_FIELD]: { order: 'asc' } }]);
  });

  it('treats text without letters or digits as no text', () => {
    expect(toEngineSearch(planSearch(mapping, { text: ' -*- ' })).query).toEqual({
      bool: { must: [{ match_all: {} }], filter: [] },
    });
  });

  it('turns eq and in into terms (on the exact sub-field for text) and range into range, with dates in UTC', () => {
    const body = toEngineSearch(
      planSearch(mapping, {
        filters: [
          { field: 'team', op: 'eq', value: 'red' },
          { field: 'name', op: 'in', values: ['Alice', 'Bob'] },
          { field: 'age', op: 'range', gte: 10 },
          { field: 'joined', op: 'range', gte: '2024-01-01', lte: '2024-02-01T02:00:00+02:00' },
          { field: 'active', op: 'eq', value: false },
        ],
      }),
    );
    expect((body.query as { bool: { filter: unknown[] } }).bool.filter).toEqual([
      { terms: { team: ['red'] } },
      { terms: { 'name.raw': ['Alice', 'Bob'] } },
      { range: { age: { gte: 10 } } },
      { range: { joined: { gte: '2024-01-01T00:00:00.000Z', lte: '2024-02-01T00:00:00.000Z' } } },
      { terms: { active: [false] } },
    ]);
  });

  it('sorts by the given fields with missing values last, then breaks ties by id', () => {
    const body = toEngineSearch(
      planSearch(mapping, {
        sort: [
          { field: 'name', direction: 'desc' },
          { field: 'age', direction: 'asc' },
        ],
        limit: 5,
        offset: 10,
      }),
    );
    expect(body.sort).toEqual([
      { 'name.raw': { order: 'desc', missing: '_last' } },
      { age: { order: 'asc', missing: '_last' } },
      { [ID_FIELD]: { order: 'asc' } },
    ]);
    expect({ from: body.from, size: body.size }).toEqual({ from: 10, size: 5 });
  });
});

describe('bulk translation', () => {
  it('writes action and source lines, with the id inside the source', () => {
    expect(
      toEngineBulk('people', [
        { op: 'index', id: 'a', body: { name: 'Alice' } },
        { op: 'delete', id: 'b' },
      ]),
    ).toEqual([
      { index: { _index: 'people', _id: 'a' } },
      { name: 'Alice', [ID_FIELD]: 'a' },
      { delete: { _index: 'people', _id: 'b' } },
    ]);
  });

  it('hands back the body without the id field', () => {
    expect(fromEngineDocument({ name: 'Alice', [ID_FIELD]: 'a' })).toEqual({ name: 'Alice' });
  });

  it('reports the failed items only, and not deletes of missing documents', () => {
    const response = {
      errors: true,
      items: [
        { index: { _id: 'ok', status: 201, result: 'created' } },
        { delete: { _id: 'gone', status: 404, result: 'not_found' } },
        {
          index: {
            _id: 'bad',
            status: 400,
            error: { type: 'document_parsing_exception', reason: 'failed to parse field [age]' },
          },
        },
      ],
    };
    expect(bulkFailures(response)).toEqual([
      { id: 'bad', status: 400, type: 'document_parsing_exception', reason: 'failed to parse field [age]' },
    ]);
    expect(bulkFailures({ errors: false, items: response.items })).toEqual([]);
  });
});

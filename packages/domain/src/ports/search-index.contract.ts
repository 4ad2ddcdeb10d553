import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import type { IndexMapping, SearchDocumentBody, SearchIndex, SearchQuery } from './search-index.port';

/**
 * The behaviour every SearchIndex adapter must show, run by each adapter's spec against its real backend.
 * Each test works in its own freshly named index, so adapters may share one engine or database across tests.
 */
export function testSearchIndex(
  adapterName: string,
  makeIndex: () => Promise<{ index: SearchIndex; cleanup(): Promise<void> }>,
): void {
  describe(`SearchIndex contract: ${adapterName}`, () => {
    let search: SearchIndex;
    let cleanup: () => Promise<void>;
    let name: string;

    const people: IndexMapping = {
      fields: {
        name: 'text',
        city: 'text',
        team: 'keyword',
        age: 'integer',
        rating: 'double',
        active: 'boolean',
        joined: 'date',
      },
    };
    const alice = {
      name: 'Alice Wonderland',
      city: 'London',
      team: 'red',
      age: 9,
      rating: 4.5,
      active: true,
      joined: '2024-01-15',
    };
    const bob = {
      name: 'Bob Builder',
      city: 'Leeds',
      team: 'blue',
      age: 10,
      rating: 3.25,
      active: false,
      joined: '2024-03-01T12:00:00Z',
    };
    const carol = {
      name: 'Carol Wonder',
      city: 'Paris',
      team: 'red',
      age: 100,
      rating: 5,
      active: true,
      joined: '2023-12-31T23:30:00-02:00',
    };
    const dave = { name: 'Dave Stone', city: 'London', team: 'green', notes: 'unmapped fields are kept' };

    const ids = async (query: SearchQuery) => (await search.search(name, query)).hits.map((h) => h.id);
    const expectDomainError = async (promise: Promise<unknown>, code: string, kind: DomainError['kind']) => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `expected DomainError ${code}`).toBeInstanceOf(DomainError);
      expect({ code: (error as DomainError).code, kind: (error as DomainError).kind }).toEqual({
        code,
        kind,
      });
      return error as DomainError;
    };
    const seed = async () => {
      await search.ensureIndex(name, people);
      await search.bulk(name, [
        { op: 'index', id: 'p-alice', body: alice },
        { op: 'index', id: 'p-bob', body: bob },
        { op: 'index', id: 'p-carol', body: carol },
        { op: 'index', id: 'p-dave', body: dave },
      ]);
    };

    beforeEach(async () => {
      ({ index: search, cleanup } = await makeIndex());
      name = `contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    });
    afterEach(async () => {
      await cleanup();
    });

    it('reports itself healthy', async () => {
      expect((await search.health()).up).toBe(true);
    });

    it('ensureIndex is idempotent and refuses a different mapping for an existing index', async () => {
      await search.ensureIndex(name, people);
      await search.ensureIndex(name, { fields: { ...people.fields } });
      await search.index(name, 'p-alice', alice);
      await expectDomainError(
        search.ensureIndex(name, { fields: { ...people.fields, age: 'keyword' } }),
        'SEARCH.MAPPING_CONFLICT',
        'conflict',
      );
      expect((await search.search(name, {})).total).toBe(1);
    });

    it('refuses invalid index names and unknown indexes', async () => {
      await expectDomainError(
        search.ensureIndex('Has Upper Case', people),
        'SEARCH.INVALID_INDEX_NAME',
        'invalid',
      );
      await expectDomainError(
        search.ensureIndex('../escape', people),
        'SEARCH.INVALID_INDEX_NAME',
        'invalid',
      );
      await expectDomainError(search.search(name, {}), 'SEARCH.INDEX_NOT_FOUND', 'not_found');
      await expectDomainError(search.index(name, 'x', alice), 'SEARCH.INDEX_NOT_FOUND', 'not_found');
    });

    it('returns what was indexed, with every document when the text is empty', async () => {
      await seed();
      const all = await search.search(name, { text: '' });
      expect(all.total).toBe(4);
      expect(all.hits.map((h) => h.id)).toEqual(['p-alice', 'p-bob', 'p-carol', 'p-dave']);
      expect(all.hits.find((h) => h.id === 'p-dave')?.body).toEqual(dave);
      expect(all.hits.find((h) => h.id === 'p-alice')?.body).toEqual(alice);
    });

    it('finds documents by a whole word, case-insensitively, in any text field', async () => {
      await seed();
      expect(await ids({ text: 'wonderland' })).toEqual(['p-alice']);
      expect(await ids({ text: 'LONDON' })).toEqual(expect.arrayContaining(['p-alice', 'p-dave']));
      expect((await search.search(name, { text: 'london' })).total).toBe(2);
      // Every word must match, each in any text field.
      expect(await ids({ text: 'alice london' })).toEqual(['p-alice']);
      expect(await ids({ text: 'alice paris' })).toEqual([]);
      expect((await search.search(name, { text: 'zebra' })).total).toBe(0);
    });

    it('matches the last word as a prefix, so partial names find documents', async () => {
      await seed();
      expect(await ids({ text: 'wond', sort: [{ field: 'age', direction: 'asc' }] })).toEqual([
        'p-alice',
        'p-carol',
      ]);
      expect(await ids({ text: 'alice wond' })).toEqual(['p-alice']);
      // Only the last word is a prefix.
      expect(await ids({ text: 'wond alice' })).toEqual([]);
      // Keyword fields are not full-text searched.
      expect(await ids({ text: 'green' })).toEqual([]);
    });

    it('filters by equality, membership and range, comparing numbers as numbers', async () => {
      await seed();
      expect(await ids({ filters: [{ field: 'team', op: 'eq', value: 'red' }] })).toEqual([
        'p-alice',
        'p-carol',
      ]);
      expect(await ids({ filters: [{ field: 'team', op: 'in', values: ['blue', 'green'] }] })).toEqual([
        'p-bob',
        'p-dave',
      ]);
      expect(await ids({ filters: [{ field: 'team', op: 'in', values: [] }] })).toEqual([]);
      expect(await ids({ filters: [{ field: 'active', op: 'eq', value: false }] })).toEqual(['p-bob']);
      expect(await ids({ filters: [{ field: 'age', op: 'range', gte: 10 }] })).toEqual(['p-bob', 'p-carol']);
      expect(await ids({ filters: [{ field: 'age', op: 'range', gte: 9, lte: 10 }] })).toEqual([
        'p-alice',
        'p-bob',
      ]);
      expect(await ids({ filters: [{ field: 'rating', op: 'range', lte: 4.5 }] })).toEqual([
        'p-alice',
        'p-bob',
      ]);
      expect(await ids({ filters: [{ field: 'age', op: 'in', values: [9, 100] }] })).toEqual([
        'p-alice',
        'p-carol',
      ]);
      // Exact, whole-value equality on a text field.
      expect(await ids({ filters: [{ field: 'name', op: 'eq', value: 'Bob Builder' }] })).toEqual(['p-bob']);
      expect(await ids({ filters: [{ field: 'name', op: 'eq', value: 'bob' }] })).toEqual([]);
      // Carol joined at 2024-01-01T01:30Z once her -02:00 offset is applied.
      expect(
        await ids({ filters: [{ field: 'joined', op: 'range', gte: '2024-01-01', lte: '2024-02-01' }] }),
      ).toEqual(['p-alice', 'p-carol']);
      expect(
        await ids({ filters: [{ field: 'joined', op: 'eq', value: '2024-03-01T13:00:00+01:00' }] }),
      ).toEqual(['p-bob']);
      // Filters combine with each other and with text.
      expect(
        await ids({
          text: 'wonder',
          filters: [
            { field: 'team', op: 'eq', value: 'red' },
            { field: 'age', op: 'range', gte: 50 },
          ],
        }),
      ).toEqual(['p-carol']);
    });

    it('refuses filters and sorts that do not fit the mapping', async () => {
      await seed();
      const error = await expectDomainError(
        search.search(name, { filters: [{ field: 'unknown', op: 'eq', value: 'x' }] }),
        'SEARCH.INVALID_QUERY',
        'invalid',
      );
      expect(error.issues.map((i) => i.path)).toEqual(['filters.0.field']);
      await expectDomainError(
        search.search(name, { filters: [{ field: 'age', op: 'eq', value: 'nine' }] }),
        'SEARCH.INVALID_QUERY',
        'invalid',
      );
      await expectDomainError(
        search.search(name, { filters: [{ field: 'team', op: 'range', gte: 'a' }] }),
        'SEARCH.INVALID_QUERY',
        'invalid',
      );
      await expectDomainError(
        search.search(name, { sort: [{ field: "name'; drop table x; --", direction: 'asc' }] }),
        'SEARCH.INVALID_QUERY',
        'invalid',
      );
      await expectDomainError(search.search(name, { limit: -1 }), 'SEARCH.INVALID_QUERY', 'invalid');
    });

    it('refuses documents whose mapped fields have the wrong type, writing none of the batch', async () => {
      await search.ensureIndex(name, people);
      const error = await expectDomainError(
        search.bulk(name, [
          { op: 'index', id: 'ok', body: alice },
          { op: 'index', id: 'bad', body: { ...bob, age: 'ten' } },
        ]),
        'SEARCH.INVALID_DOCUMENT',
        'invalid',
      );
      expect(error.message).toContain("'bad'");
      await expectDomainError(
        search.index(name, 'bad-date', { joined: '2024-02-30' }),
        'SEARCH.INVALID_DOCUMENT',
        'invalid',
      );
      expect((await search.search(name, {})).total).toBe(0);
    });

    it('sorts (missing values last), pages with limit and offset, and counts every match', async () => {
      await seed();
      expect(await ids({ sort: [{ field: 'age', direction: 'desc' }] })).toEqual([
        'p-carol',
        'p-bob',
        'p-alice',
        'p-dave',
      ]);
      expect(await ids({ sort: [{ field: 'age', direction: 'asc' }] })).toEqual([
        'p-alice',
        'p-bob',
        'p-carol',
        'p-dave',
      ]);
      expect(await ids({ sort: [{ field: 'name', direction: 'desc' }] })).toEqual([
        'p-dave',
        'p-carol',
        'p-bob',
        'p-alice',
      ]);
      expect(await ids({ sort: [{ field: 'joined', direction: 'asc' }] })).toEqual([
        'p-carol',
        'p-alice',
        'p-bob',
        'p-dave',
      ]);
      expect(
        await ids({
          sort: [
            { field: 'team', direction: 'asc' },
            { field: 'age', direction: 'desc' },
          ],
        }),
      ).toEqual(['p-bob', 'p-dave', 'p-carol', 'p-alice']);
      const page = await search.search(name, {
        sort: [{ field: 'age', direction: 'asc' }],
        limit: 2,
        offset: 1,
      });
      expect(page.total).toBe(4);
      expect(page.hits.map((h) => h.id)).toEqual(['p-bob', 'p-carol']);
      const beyond = await search.search(name, { limit: 2, offset: 10 });
      expect(beyond).toEqual({ total: 4, hits: [] });
      const counted = await search.search(name, {
        filters: [{ field: 'team', op: 'eq', value: 'red' }],
        limit: 1,
      });
      expect({ total: counted.total, returned: counted.hits.length }).toEqual({ total: 2, returned: 1 });
    });

    it('replaces a document indexed again under the same id', async () => {
      await seed();
      await search.index(name, 'p-alice', { ...alice, name: 'Alice Liddell', age: 11 });
      expect(await ids({ text: 'wonderland' })).toEqual([]);
      const found = await search.search(name, { text: 'liddell' });
      expect(found.hits.map((h) => [h.id, h.body.age])).toEqual([['p-alice', 11]]);
      expect((await search.search(name, {})).total).toBe(4);
    });

    it('applies bulk operations in order, deleting as well as indexing', async () => {
      await seed();
      await search.bulk(name, [
        { op: 'delete', id: 'p-bob' },
        { op: 'index', id: 'p-erin', body: { name: 'Erin Wonderwall', team: 'blue', age: 30 } },
        { op: 'index', id: 'p-temp', body: { name: 'Temporary' } },
        { op: 'delete', id: 'p-temp' },
        { op: 'delete', id: 'p-never-existed' },
      ]);
      expect(await ids({})).toEqual(['p-alice', 'p-carol', 'p-dave', 'p-erin']);
      expect(await ids({ text: 'wonderw' })).toEqual(['p-erin']);
      await search.bulk(name, []);
      expect((await search.search(name, {})).total).toBe(4);
    });

    it('applies a large bulk of a projection batch in order, every document searchable once it resolves', async () => {
      await search.ensureIndex(name, people);
      const person = (i: number, team: string) => ({ name: `Person ${i}`, team, age: i });
      await search.bulk(name, [
        ...Array.from({ length: 600 }, (_, i) => ({ op: 'index' as const, id: `b-${i}`, body: person(i, 'red') })),
        // The same documents again later in the batch: the last operation on an id is what stays.
        ...Array.from({ length: 300 }, (_, i) => ({ op: 'index' as const, id: `b-${i}`, body: person(i, 'blue') })),
        ...Array.from({ length: 100 }, (_, i) => ({ op: 'delete' as const, id: `b-${300 + i}` })),
        { op: 'delete', id: 'b-599' },
        { op: 'index', id: 'b-599', body: person(599, 'green') },
      ]);
      expect((await search.search(name, {})).total).toBe(500);
      const count = async (team: string) => (await search.search(name, { filters: [{ field: 'team', op: 'eq', value: team }] })).total;
      expect({ blue: await count('blue'), red: await count('red'), green: await count('green') }).toEqual({ blue: 300, red: 199, green: 1 });
      expect(await ids({ filters: [{ field: 'age', op: 'range', gte: 299, lte: 400 }], sort: [{ field: 'age', direction: 'asc' }] })).toEqual([
        'b-299',
        'b-400',
      ]);
    });

    it('deletes a document, and deleting a missing one is a no-op', async () => {
      await seed();
      await search.delete(name, 'p-carol');
      expect(await ids({ text: 'wonder' })).toEqual(['p-alice']);
      await search.delete(name, 'p-carol');
      expect((await search.search(name, {})).total).toBe(3);
    });

    it('rebuild drops the old documents and mapping and loads the new ones', async () => {
      await seed();
      async function* replay(): AsyncIterable<{ id: string; body: SearchDocumentBody }> {
        for (let i = 0; i < 1_203; i += 1)
          yield { id: `n-${String(i).padStart(4, '0')}`, body: { title: `Widget ${i}`, size: i } };
      }
      await search.rebuild(name, { fields: { title: 'text', size: 'integer' } }, replay());
      const all = await search.search(name, { sort: [{ field: 'size', direction: 'desc' }], limit: 3 });
      expect(all.total).toBe(1_203);
      expect(all.hits.map((h) => h.id)).toEqual(['n-1202', 'n-1201', 'n-1200']);
      expect((await search.search(name, { text: 'alice' })).total).toBe(0);
      // '77' is a whole word here; only the last word ('widget') is a prefix.
      expect(await ids({ text: '77 widget' })).toEqual(['n-0077']);
      // The old mapping is gone with the old documents.
      await expectDomainError(
        search.search(name, { filters: [{ field: 'team', op: 'eq', value: 'red' }] }),
        'SEARCH.INVALID_QUERY',
        'invalid',
      );
      await search.rebuild(name, people, [{ id: 'p-bob', body: bob }]);
      expect(await ids({})).toEqual(['p-bob']);
    });
  });
}

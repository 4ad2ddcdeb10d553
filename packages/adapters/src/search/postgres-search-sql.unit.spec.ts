import { describe, expect, it } from 'vitest';
import { searchStatements, toTsQuery } from './postgres-search-sql';
import { planSearch } from './search-plan';

const mapping = { fields: { name: 'text', team: 'keyword', age: 'integer' } } as const;

describe('Postgres search SQL', () => {
  it('requires every word and lets the last one be a prefix', () => {
    expect(toTsQuery(['alice', 'wond'])).toBe("'alice' & 'wond':*");
  });

  it('binds every value and field name instead of writing them into the statement', () => {
    const plan = planSearch(mapping, {
      text: "alice o'hara",
      filters: [
        { field: 'team', op: 'in', values: ["red'; drop table x; --"] },
        { field: 'age', op: 'range', gte: 10, lte: 20 },
      ],
      sort: [{ field: 'name', direction: 'desc' }],
      limit: 5,
      offset: 15,
    });
    const { count, page } = searchStatements('people', plan);
    for (const sql of [count.sql, page.sql]) {
      expect(sql).not.toMatch(/people|alice|hara|drop table|team|'age'|'name'/);
    }
    expect(count.params).toEqual([
      'people',
      "'alice' & 'o' & 'hara':*",
      'team',
      JSON.stringify(["red'; drop table x; --"]),
      'age',
      '10',
      '20',
    ]);
    expect(page.params).toEqual([...count.params, 'name', 5, 15]);
    expect(page.sql).toMatch(
      /COLLATE "C" DESC NULLS LAST, score DESC, id COLLATE "C" ASC LIMIT \$9::int OFFSET \$10::int$/,
    );
  });

  it('scores every row alike and orders by id without text', () => {
    const { page } = searchStatements('people', planSearch(mapping, {}));
    expect(page.sql).toContain('1::real AS score');
    expect(page.sql).toMatch(/ORDER BY id COLLATE "C" ASC/);
  });
});

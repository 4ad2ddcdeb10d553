import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import type { ColumnSchema, QueryEngine, QueryResult } from './query-engine.port';

/**
 * The contract every QueryEngine adapter runs. Values come back in the shared serialisation, so the same
 * expectations hold for every engine:
 *   integer -> number; long -> decimal string; double -> number ('NaN', 'Infinity', '-Infinity' as strings);
 *   decimal(p,s) -> plain string with exactly s fractional digits; boolean -> boolean; string -> string;
 *   date -> 'YYYY-MM-DD'; timestamp -> UTC 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (microseconds); null -> null.
 * `rowCount` is the number of rows returned (at most rowLimit), or written when the job has an outputPath.
 */

export interface QueryEngineFixtureRow {
  readonly id: number;
  readonly region: string;
  readonly amount: number | null;
  readonly price: string;
  readonly ordered_at: string;
  readonly active: boolean;
  readonly created_at: string;
}

const REGION_BY_ID_MOD_7 = ['north', 'north', 'south', 'south', 'east', 'east', 'west'] as const;
const DAY_MS = 86_400_000;
const EPOCH_2024_MS = Date.UTC(2024, 0, 1);

const isoMicros = (microsAfter2024: number): string => {
  const iso = new Date(EPOCH_2024_MS + Math.floor(microsAfter2024 / 1000)).toISOString();
  return `${iso.slice(0, -1)}${String(microsAfter2024 % 1000).padStart(3, '0')}Z`;
};

const priceOf = (id: number): string => {
  const cents = (id * 13) % 10_000;
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
};

/**
 * The table the adapters' specs write to Parquet (as `orders`) before calling testQueryEngine. Rows are already
 * in the shared serialisation, so they double as expected results. Amounts are multiples of 0.25 so every sum
 * is exact in binary floating point and engines that add in different orders still agree bit for bit.
 */
export const queryEngineFixture = {
  table: 'orders',
  schema: [
    { name: 'id', type: 'integer' },
    { name: 'region', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'price', type: 'decimal(10,2)' },
    { name: 'ordered_at', type: 'date' },
    { name: 'active', type: 'boolean' },
    { name: 'created_at', type: 'timestamp' },
  ] satisfies ColumnSchema[],
  rows: Array.from({ length: 1000 }, (_, i): QueryEngineFixtureRow => {
    const id = i + 1;
    return {
      id,
      region: REGION_BY_ID_MOD_7[id % 7]!,
      amount: id % 97 === 0 ? null : ((id * 37) % 1000) / 4,
      price: priceOf(id),
      ordered_at: new Date(EPOCH_2024_MS + (id % 366) * DAY_MS).toISOString().slice(0, 10),
      active: id % 3 !== 0,
      created_at: isoMicros(id * 3_661_000_250),
    };
  }),
} as const;

/** What `SELECT region, COUNT(*), SUM(amount), AVG(amount) ... GROUP BY region ORDER BY region` must return. */
function expectedRegionTotals(rows: readonly QueryEngineFixtureRow[]) {
  const byRegion = new Map<string, { orders: number; total: number; priced: number }>();
  for (const row of rows) {
    const acc = byRegion.get(row.region) ?? { orders: 0, total: 0, priced: 0 };
    acc.orders += 1;
    if (row.amount !== null) {
      acc.total += row.amount;
      acc.priced += 1;
    }
    byRegion.set(row.region, acc);
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([region, acc]) => ({
      region,
      orders: String(acc.orders),
      total: acc.total,
      average: acc.total / acc.priced,
    }));
}

async function expectInvalidSql(promise: Promise<QueryResult>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'invalid SQL must reject').toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code: 'QUERY.INVALID_SQL', kind: 'invalid' });
  expect((error as DomainError).message.length).toBeGreaterThan(0);
}

/**
 * Runs the QueryEngine contract. `fixtures.parquetPath` is an absolute path to queryEngineFixture written as
 * Parquet; outputs are written beside it. Engines that start a process per job (Spark) are slow, so the suite
 * keeps to five jobs.
 */
export function testQueryEngine(
  adapterName: string,
  makeEngine: () => Promise<{ engine: QueryEngine; cleanup(): Promise<void> }>,
  fixtures: { parquetPath: string },
): void {
  const { table, rows, schema } = queryEngineFixture;
  const besideFixture = (fileName: string) => fixtures.parquetPath.replace(/[^/]+$/, fileName);

  const withEngine = async <T>(use: (engine: QueryEngine) => Promise<T>): Promise<T> => {
    const { engine, cleanup } = await makeEngine();
    try {
      return await use(engine);
    } finally {
      await cleanup();
    }
  };

  describe(`QueryEngine contract: ${adapterName}`, () => {
    // One filtered SELECT * serves both the rows and the schema expectations (one Spark job instead of two).
    let filtered: Promise<QueryResult> | undefined;
    const filteredWestActive = () =>
      (filtered ??= withEngine((engine) =>
        engine.run({
          sql: `SELECT * FROM ${table} WHERE region = 'west' AND active ORDER BY id`,
          inputs: { [table]: fixtures.parquetPath },
          rowLimit: 50,
        }),
      ));

    it('returns the rows a filtered select picks, in order, up to rowLimit', async () => {
      const expected = rows.filter((r) => r.region === 'west' && r.active);
      expect(expected.length).toBeGreaterThan(50);

      const result = await filteredWestActive();

      expect(result.rows).toEqual(expected.slice(0, 50));
      expect(result.rowCount).toBe(50);
    });

    it('maps column types to the engine-neutral names', async () => {
      const result = await filteredWestActive();

      expect(result.schema).toEqual(schema);
    });

    it('computes count, sum and avg per group', async () => {
      const result = await withEngine((engine) =>
        engine.run({
          sql:
            `SELECT region, COUNT(*) AS orders, SUM(amount) AS total, AVG(amount) AS average ` +
            `FROM ${table} GROUP BY region ORDER BY region`,
          inputs: { [table]: fixtures.parquetPath },
        }),
      );

      expect(result.rows).toEqual(expectedRegionTotals(rows));
      expect(result.rowCount).toBe(4);
      expect(result.schema).toEqual([
        { name: 'region', type: 'string' },
        { name: 'orders', type: 'long' },
        { name: 'total', type: 'double' },
        { name: 'average', type: 'double' },
      ]);
    });

    it('writes the result to outputPath as Parquet that reads back as the same rows', async () => {
      const outputPath = besideFixture(`contract-output-${adapterName.replace(/\W+/g, '-')}.parquet`);
      const columns = ['id', 'region', 'amount', 'price', 'ordered_at', 'created_at'] as const;
      const expected = rows
        .filter((r) => r.id <= 25)
        .map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));

      const written = await withEngine((engine) =>
        engine.run({
          sql: `SELECT ${columns.join(', ')} FROM ${table} WHERE id <= 25 ORDER BY id`,
          inputs: { [table]: fixtures.parquetPath },
          outputPath,
        }),
      );
      const readBack = await withEngine((engine) =>
        engine.run({ sql: 'SELECT * FROM written ORDER BY id', inputs: { written: outputPath } }),
      );

      expect(written.rows).toBeUndefined();
      expect(written.rowCount).toBe(25);
      expect(written.schema).toEqual(schema.filter((c) => (columns as readonly string[]).includes(c.name)));
      expect(readBack.schema).toEqual(written.schema);
      expect(readBack.rows).toEqual(expected);
    });

    it('rejects invalid SQL with QUERY.INVALID_SQL', async () => {
      await withEngine((engine) =>
        expectInvalidSql(
          engine.run({
            sql: `SELECT no_such_column FROM ${table}`,
            inputs: { [table]: fixtures.parquetPath },
          }),
        ),
      );
    });
  });
}

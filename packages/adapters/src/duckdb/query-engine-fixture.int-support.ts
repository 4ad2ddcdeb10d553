import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { queryEngineFixture } from '@spice/domain/contracts';

const DUCKDB_TYPE_BY_NEUTRAL_NAME: Readonly<Record<string, string>> = {
  integer: 'INTEGER',
  string: 'VARCHAR',
  double: 'DOUBLE',
  'decimal(10,2)': 'DECIMAL(10,2)',
  date: 'DATE',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
};

/**
 * Writes the QueryEngine contract's fixture table to `<new temp dir>/orders.parquet` with DuckDB, typed as the
 * contract's schema says. Returns the directory, the Parquet path and a cleanup that removes the directory.
 */
export async function writeQueryEngineFixture(): Promise<{
  dir: string;
  parquetPath: string;
  cleanup(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'spice-query-engine-'));
  const jsonPath = join(dir, 'orders.json');
  const parquetPath = join(dir, `${queryEngineFixture.table}.parquet`);
  await writeFile(jsonPath, JSON.stringify(queryEngineFixture.rows));

  const columns = queryEngineFixture.schema.map(({ name, type }) => {
    const duckdbType = DUCKDB_TYPE_BY_NEUTRAL_NAME[type];
    if (!duckdbType) throw new Error(`no DuckDB type for fixture column ${name}: ${type}`);
    return { name, duckdbType };
  });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const columnTypes = columns.map((c) => `${c.name}: '${c.duckdbType}'`).join(', ');
    await connection.run(
      `COPY (SELECT ${columns.map((c) => c.name).join(', ')} ` +
        `FROM read_json('${jsonPath}', format = 'array', columns = {${columnTypes}}) ORDER BY id) ` +
        `TO '${parquetPath}' (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { dir, parquetPath, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

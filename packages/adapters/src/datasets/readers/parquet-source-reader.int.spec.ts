import { readFile, writeFile } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectParquet, readParquet } from './parquet-source-reader';
import {
  badInputProblems,
  readTextParquet,
  scratchFolder,
  type ScratchFolder,
} from './parquet-text-fixture.int-support';
import { sqlLiteral } from '@spice/domain';

let scratch: ScratchFolder;
beforeAll(async () => {
  scratch = await scratchFolder();
});
afterAll(() => scratch.cleanup());

const fail = { badRows: 'fail' } as const;

/** Writes a Parquet file with DuckDB from a SELECT. */
async function writeParquet(name: string, select: string): Promise<string> {
  const path = scratch.path(name);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${select}) TO ${sqlLiteral(path)} (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return path;
}

const TYPED = `
  SELECT * FROM (VALUES
    (1::BIGINT, '서울', 1.50::DECIMAL(10,2), 0.25::DOUBLE, true, DATE '2024-03-01',
     TIMESTAMP '2024-03-01 14:30:00', TIMESTAMPTZ '2024-03-01 14:30:00+09', [1, 2], {'city': '서울', 'zip': 4524}),
    (2::BIGINT, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
  ) AS t(id, name, amount, ratio, active, day, seen_at, seen_at_tz, scores, address)`;

describe('Parquet', () => {
  it('detects the columns and row count from the footer, naming the declared types', async () => {
    const path = await writeParquet('typed.parquet', TYPED);
    expect(await detectParquet(path)).toEqual({
      format: 'parquet',
      encoding: null,
      hadByteOrderMark: false,
      delimiter: null,
      quote: null,
      hasHeader: true,
      sheets: [],
      tableCandidates: [
        {
          sheet: '',
          range: '',
          headerRow: 0,
          columns: [
            'id',
            'name',
            'amount',
            'ratio',
            'active',
            'day',
            'seen_at',
            'seen_at_tz',
            'scores',
            'address',
          ],
          rowCount: 2,
          notes: [
            'Parquet types: id BIGINT, name VARCHAR, amount DECIMAL(10,2), ratio DOUBLE, active BOOLEAN, day DATE, ' +
              'seen_at TIMESTAMP, seen_at_tz TIMESTAMP WITH TIME ZONE, scores INTEGER[], address STRUCT(city VARCHAR, zip INTEGER)',
          ],
        },
      ],
    });
  });

  it('casts every column to text, nested ones to JSON, keeps nulls and returns the source types', async () => {
    const output = scratch.path('typed-text.parquet');
    const result = await readParquet(await writeParquet('typed.parquet', TYPED), fail, output);
    expect(result.rowCount).toBe(2);
    expect(result.sourceTypes).toEqual({
      id: 'BIGINT',
      name: 'VARCHAR',
      amount: 'DECIMAL(10,2)',
      ratio: 'DOUBLE',
      active: 'BOOLEAN',
      day: 'DATE',
      seen_at: 'TIMESTAMP',
      seen_at_tz: 'TIMESTAMP WITH TIME ZONE',
      scores: 'INTEGER[]',
      address: 'STRUCT(city VARCHAR, zip INTEGER)',
    });
    const parquet = await readTextParquet(output);
    expect(new Set(parquet.columns.map((column) => column.type))).toEqual(new Set(['VARCHAR']));
    expect(parquet.rows).toEqual([
      {
        id: '1',
        name: '서울',
        amount: '1.50',
        ratio: '0.25',
        active: 'true',
        day: '2024-03-01',
        seen_at: '2024-03-01 14:30:00',
        seen_at_tz: '2024-03-01 05:30:00+00',
        scores: '[1,2]',
        address: '{"city":"서울","zip":4524}',
      },
      {
        id: '2',
        name: null,
        amount: null,
        ratio: null,
        active: null,
        day: null,
        seen_at: null,
        seen_at_tz: null,
        scores: null,
        address: null,
      },
    ]);
  });

  it('reports a file that is not Parquet, an empty file and names that differ only in case', async () => {
    const text = scratch.path('text.parquet');
    await writeFile(text, 'id,name\n1,kim\n');
    expect(await badInputProblems(readParquet(text, fail, scratch.path('x.parquet')))).toEqual([
      {
        rule: 'corrupt-file',
        message: 'The file is not a readable Parquet file: No magic bytes found at end of file.',
      },
    ]);
    const empty = scratch.path('empty.parquet');
    await writeFile(empty, '');
    expect(await badInputProblems(readParquet(empty, fail, scratch.path('x.parquet')))).toEqual([
      { rule: 'empty-file', message: 'The file is empty (0 bytes).' },
    ]);
    // DuckDB will not write two names that differ only in case (Spark and pyarrow will), so the second name is
    // written as "qqqq" and patched to "code" in the footer, where the names are stored as plain bytes.
    const cased = await writeParquet('cased.parquet', 'SELECT 1 AS "Code", 2 AS "qqqq"');
    await writeFile(
      cased,
      Buffer.from((await readFile(cased)).toString('latin1').replaceAll('qqqq', 'code'), 'latin1'),
    );
    expect(await badInputProblems(readParquet(cased, fail, scratch.path('x.parquet')))).toEqual([
      {
        rule: 'duplicate-header',
        column: '2',
        message:
          'Columns 1 and 2 of the Parquet file are named "Code" and "code", which are the same name apart from case; ' +
          'column names must be unique.',
      },
    ]);
  });
});

import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlLiteral, type DatasetColumn, type DatasetColumnInput } from '@spice/domain';
import { ZDatasetColumn } from '@spice/domain';
import { DuckDbDatasetEngine } from './duckdb-dataset-engine.adapter';

const NO_RESTRICTION = { hiddenColumns: [], maskedColumns: [] };
const col = (input: DatasetColumnInput): DatasetColumn => ZDatasetColumn.parse(input);

let dir: string;
const engine = new DuckDbDatasetEngine();

/** A Parquet file of text columns, as a reader writes it. */
async function textParquet(name: string, header: string[], rows: (string | null)[][]): Promise<string> {
  const path = join(dir, name);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const values = rows.map((r) => `(${r.map((v) => (v === null ? 'NULL::VARCHAR' : `${sqlLiteral(v)}::VARCHAR`)).join(', ')})`).join(', ');
  await c.run(`COPY (SELECT * FROM (VALUES ${values}) t(${header.map((h) => `"${h}"`).join(', ')})) TO ${sqlLiteral(path)} (FORMAT parquet)`);
  c.closeSync();
  db.closeSync();
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dataset-engine-'));
});
afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

const schema = [
  col({ name: 'id', dataType: 'string', nullable: false }),
  col({ name: 'amount', dataType: { type: 'decimal', precision: 10, scale: 2 }, format: { decimalSeparator: ',', thousandsSeparator: '.' } }),
  col({ name: 'day', dataType: 'date', format: { dateFormat: '%d/%m/%Y', nullTokens: ['N/A'] } }),
  col({ name: 'ok', dataType: 'boolean' }),
  col({ name: 'mail', dataType: 'email' }),
];

describe('casting text columns to the committed schema', () => {
  it('casts separators, date formats, boolean tokens and null tokens', async () => {
    const text = await textParquet('good.parquet', ['id', 'amount', 'day', 'ok', 'mail'], [
      ['a1', '1.234,50', '05/03/2024', '예', 'ada@example.com'],
      ['a2', '7', 'N/A', 'no', null],
    ]);
    const out = join(dir, 'good-typed.parquet');
    const result = await engine.cast(text, schema, out, { badValues: 'fail', maxProblems: 10 });
    expect(result).toEqual({ rowCount: 2, skippedRows: 0, problems: [], problemCount: 0 });
    const page = await engine.page(out, { offset: 0, limit: 10, restriction: NO_RESTRICTION });
    expect(page).toEqual({
      columns: ['id', 'amount', 'day', 'ok', 'mail'],
      rows: [
        ['a1', '1234.50', '2024-03-05', true, 'ada@example.com'],
        ['a2', '7.00', null, false, null],
      ],
      totalRows: 2,
    });
  });

  it('fails on values that do not fit, naming row, column, value and the expected type; nothing is written', async () => {
    const text = await textParquet('bad.parquet', ['id', 'amount', 'day', 'ok', 'mail'], [
      ['a1', '12,5x', '05/03/2024', 'yes', 'ada@example.com'],
      [null, '1', '31/02/2024', 'maybe', 'not-an-email'],
    ]);
    const out = join(dir, 'bad-typed.parquet');
    const result = await engine.cast(text, schema, out, { badValues: 'fail', maxProblems: 10 });
    expect(result.problems.map((p) => p.message)).toEqual([
      'Row 1, column "amount": "12,5x" is not a decimal(10,2) (decimal separator ",", thousands separator ".")',
      'Row 2, column "day": "31/02/2024" is not a date (%d/%m/%Y)',
      'Row 2, column "id": is empty but the column is required',
      'Row 2, column "mail": "not-an-email" is not an email address',
      `Row 2, column "ok": "maybe" is not a boolean (true/yes/y/1/t/예/네/false/no/n/0/f/아니오/아니요)`,
    ]);
    expect(result.problemCount).toBe(5);
    await expect(stat(out)).rejects.toThrow();
  });

  it('skips rows with bad values under the skip policy and counts them', async () => {
    const text = await textParquet('skip.parquet', ['id', 'amount', 'day', 'ok', 'mail'], [
      ['a1', '12,5x', '05/03/2024', 'yes', null],
      ['a2', '3,25', '06/03/2024', 'yes', null],
    ]);
    const out = join(dir, 'skip-typed.parquet');
    const result = await engine.cast(text, schema, out, { badValues: 'skip', maxProblems: 10 });
    expect(result).toMatchObject({ rowCount: 1, skippedRows: 1, problemCount: 1 });
    expect((await engine.page(out, { offset: 0, limit: 10, restriction: NO_RESTRICTION })).rows).toEqual([['a2', '3.25', '2024-03-06', true, null]]);
  });
  it('reads null tokens as null even where they would convert (0, NaN, an enum value), and padded values as values', async () => {
    const tokens = [
      col({ name: 'count', dataType: 'integer', format: { nullTokens: ['0', '-'] } }),
      col({ name: 'ratio', dataType: 'double', format: { nullTokens: ['NaN'] } }),
      col({ name: 'grade', dataType: { type: 'enum', values: ['A', 'N/A'] }, format: { nullTokens: ['n/a'] } }),
      col({ name: 'paid', dataType: 'boolean', format: { nullTokens: ['n'] } }),
      col({ name: 'qty', dataType: 'integer', format: { nullTokens: ['null'] } }),
    ];
    const nbsp = '\u00a0';
    const text = await textParquet('tokens.parquet', ['count', 'ratio', 'grade', 'paid', 'qty'], [
      [' 0 ', 'nan', 'N/A', 'N', ` 12${nbsp}`],
      ['7', ' 1.5 ', 'A', 'yes', ' NULL '],
    ]);
    const out = join(dir, 'tokens-typed.parquet');
    expect(await engine.cast(text, tokens, out, { badValues: 'fail', maxProblems: 10 })).toEqual({ rowCount: 2, skippedRows: 0, problems: [], problemCount: 0 });
    expect((await engine.page(out, { offset: 0, limit: 10, restriction: NO_RESTRICTION })).rows).toEqual([
      [null, null, null, null, 12],
      [7, 1.5, 'A', true, null],
    ]);
  });

  it('casts timestamps with zones, money, points, phones, URLs, enums and JSON, and flags what does not fit', async () => {
    const semantic = [
      col({ name: 'at', dataType: 'timestamp' }),
      col({ name: 'price', dataType: { type: 'money', currency: 'KRW' }, format: { thousandsSeparator: ',', currencyTokens: ['₩', '원'] } }),
      col({ name: 'where', dataType: 'geopoint' }),
      col({ name: 'tel', dataType: 'phone' }),
      col({ name: 'site', dataType: 'url' }),
      col({ name: 'grade', dataType: { type: 'enum', values: ['A', 'B'] } }),
      col({ name: 'tags', dataType: { type: 'array', elementType: 'string' } }),
    ];
    const text = await textParquet('semantic.parquet', ['at', 'price', 'where', 'tel', 'site', 'grade', 'tags'], [
      ['2024-03-05T10:00:00+09:00', '₩1,000', '37.5665, 126.9780', '+82 10-1234-5678', 'https://spice.dev/x', 'A', '["a","b"]'],
      ['2024-03-05 01:02:03', '12,500원', 'POINT(126.9780 37.5665)', '02-123-4567', 'HTTP://EXAMPLE.COM', 'B', '[]'],
      ['yesterday', 'free', '95,200', 'call me', 'spice.dev', 'C', '[oops'],
    ]);
    const out = join(dir, 'semantic-typed.parquet');
    const result = await engine.cast(text, semantic, out, { badValues: 'skip', maxProblems: 20 });
    expect(result.problems.map((p) => p.message)).toEqual([
      'Row 3, column "at": "yesterday" is not a timestamp (ISO 8601)',
      'Row 3, column "grade": "C" is not one of A, B',
      'Row 3, column "price": "free" is not an amount of KRW (thousands separator ",")',
      'Row 3, column "site": "spice.dev" is not a URL (http, https or ftp)',
      'Row 3, column "tags": "[oops" is not JSON (array)',
      'Row 3, column "tel": "call me" is not a phone number',
      'Row 3, column "where": "95,200" is not a point as "latitude,longitude" or POINT(longitude latitude)',
    ]);
    expect((await engine.page(out, { offset: 0, limit: 10, restriction: NO_RESTRICTION })).rows).toEqual([
      ['2024-03-05T01:00:00.000000Z', '1000.0000', '37.5665,126.978', '+82 10-1234-5678', 'https://spice.dev/x', 'A', '["a","b"]'],
      ['2024-03-05T01:02:03.000000Z', '12500.0000', '37.5665,126.978', '02-123-4567', 'HTTP://EXAMPLE.COM', 'B', '[]'],
    ]);
  });
});

describe('profiles, pages and diffs', () => {
  let v1: string;
  let v2: string;
  const typed = [col({ name: 'id', dataType: 'long' }), col({ name: 'city', dataType: 'string' }), col({ name: 'score', dataType: 'double' })];

  beforeAll(async () => {
    v1 = join(dir, 'v1.parquet');
    v2 = join(dir, 'v2.parquet');
    const rows1 = Array.from({ length: 100 }, (_, i) => [String(i + 1), i % 3 === 0 ? 'Seoul' : i % 3 === 1 ? 'Busan' : null, String(i)]);
    const rows2 = rows1.filter((r) => r[0] !== '1').map((r) => (r[0] === '2' ? [r[0]!, 'Incheon', r[2]!] : r));
    rows2.push(['101', 'Daegu', '100']);
    await engine.cast(await textParquet('t1.parquet', ['id', 'city', 'score'], rows1), typed, v1, { badValues: 'fail', maxProblems: 1 });
    await engine.cast(await textParquet('t2.parquet', ['id', 'city', 'score'], rows2), typed, v2, { badValues: 'fail', maxProblems: 1 });
  });

  it('profiles nulls, distinct values, ranges, histograms and top values', async () => {
    const [id, city, score] = await engine.profile(v1, typed);
    expect(id).toMatchObject({ name: 'id', nullCount: 0, distinctCount: 100, min: '1', max: '100', topValues: [] });
    expect(id!.histogram).toHaveLength(20);
    expect(id!.histogram.reduce((n, b) => n + b.count, 0)).toBe(100);
    expect(city).toMatchObject({ nullCount: 33, distinctCount: 2, histogram: [], topValues: [{ value: 'Seoul', count: 34 }, { value: 'Busan', count: 33 }] });
    expect(score).toMatchObject({ min: '0.0', max: '99.0' });
  });

  it('pages with sorting and leaves out hidden columns and masks masked ones', async () => {
    const page = await engine.page(v1, {
      offset: 0,
      limit: 2,
      sort: { column: 'id', direction: 'desc' },
      restriction: { hiddenColumns: ['score'], maskedColumns: [{ column: 'city', mask: '***' }] },
    });
    expect(page).toEqual({ columns: ['id', 'city'], rows: [['100', '***'], ['99', '***']], totalRows: 100 });
  });

  it('diffs by key: added, removed, changed and unchanged rows with samples', async () => {
    const diff = await engine.diff(v1, v2, { key: ['id'], sampleSize: 5, restriction: NO_RESTRICTION });
    expect(diff).toMatchObject({ comparedBy: ['id'], added: 1, removed: 1, changed: 1, unchanged: 98 });
    expect(diff.samples.added).toEqual([{ id: '101', city: 'Daegu', score: 100 }]);
    expect(diff.samples.removed).toEqual([{ id: '1', city: 'Seoul', score: 0 }]);
    expect(diff.samples.changed).toEqual([{ key: { id: '2' }, before: { id: '2', city: 'Busan', score: 1 }, after: { id: '2', city: 'Incheon', score: 1 } }]);
  });

  it('diffs whole rows when no key is known', async () => {
    const diff = await engine.diff(v1, v2, { key: null, sampleSize: 5, restriction: NO_RESTRICTION });
    expect(diff).toMatchObject({ comparedBy: 'whole-row', added: 2, removed: 2, changed: 0, unchanged: 98 });
  });

  it('samples text for inference: the first rows and a reservoir over the rest', async () => {
    const text = await textParquet('sample.parquet', ['n'], Array.from({ length: 1000 }, (_, i) => [String(i)]));
    const sample = await engine.sampleText(text, 100);
    expect(sample.columns).toEqual(['n']);
    expect(sample.rows).toHaveLength(100);
    expect(sample.rows.slice(0, 50).map((r) => r[0])).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
  });
});

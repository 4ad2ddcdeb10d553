import { writeFile } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputProblems, scratchFolder, type ScratchFolder } from './parquet-text-fixture.int-support';
import { TabularSourceReaderAdapter } from './tabular-source-reader.adapter';

// The one reader the ingest service calls: what it refuses before any format reader runs, and which reader
// each file goes to.
const reader = new TabularSourceReaderAdapter();
let scratch: ScratchFolder;
beforeAll(async () => {
  scratch = await scratchFolder();
});
afterAll(() => scratch.cleanup());

async function file(name: string, content: string | Uint8Array): Promise<string> {
  await writeFile(scratch.path(name), content);
  return scratch.path(name);
}

/** The problems both detect and read fail with (they must agree). */
async function refused(name: string, content: string | Uint8Array, format?: 'csv' | 'xlsx' | 'parquet') {
  const path = await file(name, content);
  const options = format ? { format } : {};
  const detected = await badInputProblems(reader.detect(path, name, options));
  const read = await badInputProblems(
    reader.read(path, name, { ...options, badRows: 'skip' }, scratch.path(`${name}.parquet`)),
  );
  expect(read).toEqual(detected);
  return read;
}

// A real 1×1 PNG image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
// The start of a ZIP archive: a local file header for notes.txt, stored.
const ZIP = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0a, 0, 0, 0, 0, 0]),
  Buffer.alloc(16),
  Buffer.from([9, 0, 0, 0]),
  Buffer.from('notes.txthello'),
]);
const GZIP = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0x00]);
const LEGACY_XLS = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
]);

describe('files that are not text, refused before anything reads them', () => {
  it('a PNG image renamed .csv', async () => {
    expect(await refused('photo.csv', PNG)).toEqual([
      { rule: 'binary-file', message: 'This file is a PNG image, not CSV text.' },
    ]);
  });

  it('a ZIP archive, a gzip file and a legacy .xls workbook renamed .csv', async () => {
    expect(await refused('archive.csv', ZIP)).toEqual([
      { rule: 'binary-file', message: 'This file is a ZIP archive, not CSV text.' },
    ]);
    expect(await refused('compressed.csv', GZIP)).toEqual([
      { rule: 'binary-file', message: 'This file is a gzip-compressed file, not CSV text.' },
    ]);
    expect(await refused('old.csv', LEGACY_XLS)).toEqual([
      {
        rule: 'binary-file',
        message:
          'This file is a legacy Office document (such as an Excel 97-2003 .xls workbook), not CSV text.',
      },
    ]);
  });

  it('bytes of no known kind with NUL bytes in them', async () => {
    const bytes = Buffer.from([0x41, 0x42, 0x43, 0x00, 0x01, 0x02, 0x03, 0x2c, 0x0a, 0x00, 0x00, 0x00]);
    expect(await refused('data.csv', bytes)).toEqual([
      {
        rule: 'binary-file',
        message: 'This file is binary data (a NUL byte at byte offset 3), not CSV text.',
      },
    ]);
  });

  it('says which text format the name claimed', async () => {
    expect(await refused('photo.tsv', PNG)).toEqual([
      { rule: 'binary-file', message: 'This file is a PNG image, not TSV text.' },
    ]);
    expect(await refused('photo.json', PNG)).toEqual([
      { rule: 'binary-file', message: 'This file is a PNG image, not JSON text.' },
    ]);
  });

  it('a binary file whose name claims no table format', async () => {
    expect(await refused('photo.png', PNG)).toEqual([
      {
        rule: 'unsupported-format',
        message:
          'This file is a PNG image, which cannot be read as a table. Upload CSV, TSV, XLSX, JSON, NDJSON or Parquet.',
      },
    ]);
  });

  it('a 0-byte file, whatever its name', async () => {
    for (const name of ['empty.csv', 'empty.json', 'empty.xlsx', 'empty.parquet']) {
      expect(await refused(name, '')).toEqual([
        { rule: 'empty-file', message: 'The file is empty (0 bytes).' },
      ]);
    }
  });

  it('a format the user chose that the bytes are not', async () => {
    expect(await refused('table.csv', 'a,b\n1,2\n', 'parquet')).toEqual([
      { rule: 'unsupported-format', message: 'This file is text, not a Parquet file.' },
    ]);
    expect(await refused('photo.csv', PNG, 'xlsx')).toEqual([
      { rule: 'unsupported-format', message: 'This file is a PNG image, not an Excel workbook (XLSX).' },
    ]);
    expect(await refused('photo.xlsx', PNG, 'csv')).toEqual([
      { rule: 'binary-file', message: 'This file is a PNG image, not CSV text.' },
    ]);
  });
});

describe('which reader a file goes to', () => {
  it('a Parquet file is read as Parquet whatever it is called', async () => {
    const path = scratch.path('export.csv');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 1 AS id, 'a' AS name) TO '${path}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const layout = await reader.detect(path, 'export.csv');
    expect(layout.format).toBe('parquet');
    const result = await reader.read(
      path,
      'export.csv',
      { badRows: 'fail' },
      scratch.path('export-out.parquet'),
    );
    expect(result).toMatchObject({ columns: ['id', 'name'], rowCount: 1 });
  });

  it('an XLSX workbook is read as one whatever it is called', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Orders');
    sheet.addRow(['id', 'name']);
    sheet.addRow([1, '김철수']);
    const path = scratch.path('orders.csv');
    await workbook.xlsx.writeFile(path);
    const layout = await reader.detect(path, 'orders.csv');
    expect(layout).toMatchObject({ format: 'xlsx', sheets: ['Orders'] });
    const result = await reader.read(
      path,
      'orders.csv',
      { badRows: 'fail' },
      scratch.path('orders-out.parquet'),
    );
    expect(result).toMatchObject({ columns: ['id', 'name'], rowCount: 1 });
  });

  it('text by its name, or by its look when the name says nothing', async () => {
    const formatOf = async (name: string, content: string) =>
      (await reader.detect(await file(name, content), name)).format;
    expect(await formatOf('a.tsv', 'x\ty\n1\t2\n')).toBe('tsv');
    expect(await formatOf('a.jsonl', '{"x":1}\n{"x":2}\n')).toBe('ndjson');
    expect(await formatOf('a.ndjson', '{"x":1}\n{"x":2}\n')).toBe('ndjson');
    expect(await formatOf('lines.json', '{"x":1}\n{"x":2}\n')).toBe('ndjson');
    expect(await formatOf('doc.json', '{"rows": [{"x":1}]}')).toBe('json');
    expect(await formatOf('export', '[{"x":1},{"x":2}]')).toBe('json');
    expect(await formatOf('export.txt', 'x\ty\n1\t2\n')).toBe('tsv');
    expect(await formatOf('export.dat', 'x,y\n1,2\n')).toBe('csv');
  });

  it('the format the user chose wins over the name', async () => {
    const path = await file('semicolons.txt', 'x;y\n1;2\n');
    expect(await reader.detect(path, 'semicolons.txt', { format: 'csv' })).toMatchObject({
      format: 'csv',
      delimiter: ';',
    });
  });
});

describe('health', () => {
  it('answers with the DuckDB version it reads with', async () => {
    const health = await reader.health();
    expect(health).toMatchObject({
      component: 'upload reader',
      adapter: 'duckdb',
      mode: 'embedded',
      up: true,
    });
    expect(health.detail).toMatch(/^DuckDB v\d+\.\d+/);
  });
});

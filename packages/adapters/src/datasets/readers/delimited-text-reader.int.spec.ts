import { readdir, writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badInputProblems,
  readTextParquet,
  scratchFolder,
  type ScratchFolder,
} from './parquet-text-fixture.int-support';
import { TabularSourceReaderAdapter } from './tabular-source-reader.adapter';

// CSV and TSV through the one reader the ingest service calls, against real DuckDB and real files.
const reader = new TabularSourceReaderAdapter();
let scratch: ScratchFolder;
beforeAll(async () => {
  scratch = await scratchFolder();
});
afterAll(() => scratch.cleanup());

const skip = { badRows: 'skip' } as const;
const fail = { badRows: 'fail' } as const;
let outputs = 0;

async function file(name: string, content: string | Uint8Array): Promise<string> {
  await writeFile(scratch.path(name), content);
  return scratch.path(name);
}

/** Reads `name` with `options` into a fresh output file; returns the result and the rows written. */
async function read(
  name: string,
  content: string | Uint8Array,
  options: typeof skip | typeof fail | Parameters<typeof reader.read>[2] = skip,
) {
  const path = await file(name, content);
  const outputPath = scratch.path(`out-${(outputs += 1)}.parquet`);
  const result = await reader.read(path, name, options, outputPath);
  const table = await readTextParquet(outputPath);
  return { result, rows: table.rows, types: table.columns.map((column) => column.type) };
}

/** The problems of a read that must fail, and proof that nothing was left where its output would have been. */
async function failedRead(
  name: string,
  content: string | Uint8Array,
  options: Parameters<typeof reader.read>[2] = fail,
) {
  const path = await file(name, content);
  const outputName = `out-${(outputs += 1)}.parquet`;
  const problems = await badInputProblems(reader.read(path, name, options, scratch.path(outputName)));
  const leftBehind = (await readdir(scratch.path('.'))).filter((entry) => entry.startsWith(outputName));
  expect(leftBehind).toEqual([]);
  return problems;
}

const CSV_LAYOUT = {
  format: 'csv',
  encoding: 'utf-8',
  hadByteOrderMark: false,
  delimiter: ',',
  quote: '"',
  hasHeader: true,
  sheets: [],
  tableCandidates: [],
} as const;

describe('CSV and TSV: what is read', () => {
  it('keeps every value as its exact text: quotes, doubled quotes, line breaks, spaces; an empty field is null, "" is empty text', async () => {
    const csv = 'id,name,amount\n1,"Kim, Min",10\n2,"say ""hi""",\n3,"multi\nline", 30 \n4,"",NULL\n';
    expect(await reader.detect(await file('plain.csv', csv), 'plain.csv')).toEqual(CSV_LAYOUT);
    const { result, rows, types } = await read('plain.csv', csv);
    expect(result).toEqual({
      layout: CSV_LAYOUT,
      columns: ['id', 'name', 'amount'],
      rowCount: 4,
      skippedRows: 0,
      problems: [],
    });
    expect(types).toEqual(['VARCHAR', 'VARCHAR', 'VARCHAR']);
    expect(rows).toEqual([
      { id: '1', name: 'Kim, Min', amount: '10' },
      { id: '2', name: 'say "hi"', amount: null },
      { id: '3', name: 'multi\nline', amount: ' 30 ' },
      { id: '4', name: '', amount: 'NULL' },
    ]);
  });

  it('detects a semicolon delimiter (decimal commas inside values)', async () => {
    const { result, rows } = await read('semicolon.csv', 'a;b;c\n1;2,5;3\n4;5,5;6\n');
    expect(result.layout.delimiter).toBe(';');
    expect(rows).toEqual([
      { a: '1', b: '2,5', c: '3' },
      { a: '4', b: '5,5', c: '6' },
    ]);
  });

  it('reads TSV by its name, commas in values included', async () => {
    const { result, rows } = await read('items.tsv', 'sku\tlabel\nA-1\tred, large\nB-2\tblue\n');
    expect(result.layout).toEqual({ ...CSV_LAYOUT, format: 'tsv', delimiter: '\t' });
    expect(rows).toEqual([
      { sku: 'A-1', label: 'red, large' },
      { sku: 'B-2', label: 'blue' },
    ]);
  });

  it('reads CRLF line ends, inside quoted values too', async () => {
    const { rows } = await read('crlf.csv', 'id,note\r\n1,"two\r\nlines"\r\n2,plain\r\n');
    expect(rows).toEqual([
      { id: '1', note: 'two\r\nlines' },
      { id: '2', note: 'plain' },
    ]);
  });

  it('names the columns of a file without a header row column1, column2, …', async () => {
    const { result, rows } = await read('numbers.csv', '1,2\n3,4\n5,6\n');
    expect(result.layout.hasHeader).toBe(false);
    expect(result.columns).toEqual(['column1', 'column2']);
    expect(rows).toEqual([
      { column1: '1', column2: '2' },
      { column1: '3', column2: '4' },
      { column1: '5', column2: '6' },
    ]);
  });

  it('leaves out a title block above the header and says so', async () => {
    const { result, rows } = await read(
      'titled.csv',
      'Sales report 2024\n\nid,name,amount\n1,a,10\n2,b,20\n3,c,30\n',
    );
    expect(result.columns).toEqual(['id', 'name', 'amount']);
    expect(result.problems).toEqual([
      {
        rule: 'lines-before-table',
        line: 1,
        message: "Lines 1-2 come before the table's first row and were left out.",
      },
    ]);
    expect(rows).toHaveLength(3);
  });

  it('honours the delimiter, quote and header the user sets', async () => {
    const { result, rows } = await read('custom.txt', "a|b\n'x|y'|2\n", {
      badRows: 'fail',
      format: 'csv',
      delimiter: '|',
      quote: "'",
      hasHeader: false,
    });
    expect(result.layout).toMatchObject({ delimiter: '|', quote: "'", hasHeader: false });
    expect(rows).toEqual([
      { column1: 'a', column2: 'b' },
      { column1: 'x|y', column2: '2' },
    ]);
  });
});

describe('CSV: encodings', () => {
  it('UTF-8 with a byte order mark: detected, and not part of the first column name', async () => {
    const { result, rows } = await read(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,도시\n1,서울\n')]),
    );
    expect(result.layout).toEqual({ ...CSV_LAYOUT, hadByteOrderMark: true });
    expect(rows).toEqual([{ id: '1', 도시: '서울' }]);
  });

  it('CP949 with Korean headers and values (an Excel export in Korea)', async () => {
    const text =
      '이름,도시,금액,메모\n김철수,서울,1000,"안녕하세요, 반갑습니다"\n이영희,부산,2500,감사합니다\n박민수,대구,300,\n';
    const bytes = iconv.encode(text, 'cp949');
    const layout = await reader.detect(await file('korean.csv', bytes), 'korean.csv');
    expect(layout).toEqual({ ...CSV_LAYOUT, encoding: 'cp949' });
    const { result, rows } = await read('korean.csv', bytes);
    expect(result.columns).toEqual(['이름', '도시', '금액', '메모']);
    expect(rows).toEqual([
      { 이름: '김철수', 도시: '서울', 금액: '1000', 메모: '안녕하세요, 반갑습니다' },
      { 이름: '이영희', 도시: '부산', 금액: '2500', 메모: '감사합니다' },
      { 이름: '박민수', 도시: '대구', 금액: '300', 메모: null },
    ]);
  });

  it('EUC-KR named by the user', async () => {
    const { result, rows } = await read('euc-kr.csv', iconv.encode('품목,수량\n사과,3\n', 'euc-kr'), {
      badRows: 'fail',
      encoding: 'EUC-KR',
    });
    expect(result.layout.encoding).toBe('euc-kr');
    expect(rows).toEqual([{ 품목: '사과', 수량: '3' }]);
  });

  it('UTF-16 LE with a byte order mark', async () => {
    const { result, rows } = await read(
      'utf16.csv',
      iconv.encode('\ufeffid,name\n1,café\n2,서울\n', 'utf-16le'),
    );
    expect(result.layout).toEqual({ ...CSV_LAYOUT, encoding: 'utf-16le', hadByteOrderMark: true });
    expect(rows).toEqual([
      { id: '1', name: 'café' },
      { id: '2', name: '서울' },
    ]);
  });

  it('UTF-16 BE with a byte order mark', async () => {
    const { result, rows } = await read('utf16be.csv', iconv.encode('\ufeffid,name\n1,é\n', 'utf-16be'));
    expect(result.layout).toMatchObject({ encoding: 'utf-16be', hadByteOrderMark: true });
    expect(rows).toEqual([{ id: '1', name: 'é' }]);
  });

  it('Latin-1 (windows-1252) with accents', async () => {
    const { result, rows } = await read(
      'latin1.csv',
      iconv.encode('nom,ville\nRené,Orléans\nChloé,Besançon\n', 'latin1'),
    );
    expect(result.layout.encoding).toBe('windows-1252');
    expect(rows).toEqual([
      { nom: 'René', ville: 'Orléans' },
      { nom: 'Chloé', ville: 'Besançon' },
    ]);
  });
});

describe('CSV: bad input', () => {
  const RAGGED = 'id,name,amount\n1,a,10\n2,b,20\n3,c,30,x,y\n4,d\n5,e,50\n';
  const RAGGED_PROBLEMS = [
    {
      rule: 'ragged-row',
      line: 4,
      column: 4,
      message: 'Line 4 has 5 fields; the header has 3 (columns id, name, amount).',
    },
    {
      rule: 'ragged-row',
      line: 5,
      column: 'amount',
      message: 'Line 5 has 2 fields; the header has 3 (columns id, name, amount).',
    },
  ];

  it('ragged rows fail the read (badRows: fail), naming each line, and nothing is written', async () => {
    expect(await failedRead('ragged.csv', RAGGED)).toEqual(RAGGED_PROBLEMS);
  });

  it('ragged rows are left out and listed (badRows: skip)', async () => {
    const { result, rows } = await read('ragged.csv', RAGGED);
    expect(result).toMatchObject({ rowCount: 3, skippedRows: 2, problems: RAGGED_PROBLEMS });
    expect(rows.map((row) => row.id)).toEqual(['1', '2', '5']);
  });

  it('unbalanced quotes: a stray quote after a closed one, and a quote never closed (which runs to the end)', async () => {
    const csv = 'id,name,amount\n1,"multi\nline",10\n2,"x"y,20\n3,c,30\n4,"oops,40\n5,e,50\n';
    const message = (line: number) =>
      `Line ${line}, column 2 (name): a quoted value is not closed properly. A value that starts with " must end with " just before the next delimiter or line end; write "" for a quote inside it.`;
    expect(await failedRead('quotes.csv', csv)).toEqual([
      { rule: 'unbalanced-quote', line: 4, column: 'name', message: message(4) },
      { rule: 'unbalanced-quote', line: 6, column: 'name', message: message(6) },
    ]);
    const { result, rows } = await read('quotes.csv', csv);
    expect(result).toMatchObject({ rowCount: 2, skippedRows: 2 });
    expect(rows.map((row) => row.id)).toEqual(['1', '3']);
  });

  it('invalid UTF-8 byte sequences: line, column and byte offset of each', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id,name,amount\n1,"서울\n부산",10\n2,caf'),
      Buffer.from([0xe9]),
      Buffer.from(',20\n3,대구,30\n4,x'),
      Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate: never valid UTF-8
      Buffer.from('y,40\n5,광주,50\n6,인천,60\n'),
    ]);
    const advice = "Choose the file's encoding (for example cp949 or windows-1252), or fix those bytes.";
    expect(await failedRead('utf8-broken.csv', bytes)).toEqual([
      {
        rule: 'invalid-encoding',
        line: 4,
        column: 'name',
        message: `Line 4, column 2 (name) has bytes that are not valid UTF-8 (0xE9 at byte offset 41). ${advice}`,
      },
      {
        rule: 'invalid-encoding',
        line: 6,
        column: 'name',
        message: `Line 6, column 2 (name) has bytes that are not valid UTF-8 (0xED at byte offset 61). ${advice}`,
      },
    ]);
  });

  it('bytes that are not valid CP949: line and column', async () => {
    const bytes = Buffer.concat([
      iconv.encode('이름,도시\n김철수,서울\n이영희,부산\n박민수,대구\n', 'cp949'),
      Buffer.from([0x41, 0x2c, 0xc9, 0x0a]), // 0xC9 starts a two-byte character that never comes
      iconv.encode('최지우,광주\n', 'cp949'),
    ]);
    expect(await failedRead('cp949-broken.csv', bytes)).toEqual([
      {
        rule: 'invalid-encoding',
        line: 5,
        column: '도시',
        message:
          "Line 5, column 2 (도시) has bytes that are not valid CP949 text. Choose the file's encoding, or fix those bytes.",
      },
    ]);
  });

  it('duplicate header names, also when they differ only in case, whatever the policy', async () => {
    const csv = 'id,Name,name,id\n1,a,b,2\n';
    const problems = [
      {
        rule: 'duplicate-header',
        line: 1,
        column: 3,
        message:
          'Columns 2 and 3 are named "Name" and "name", which differ only in case in the header (line 1); column names must be unique.',
      },
      {
        rule: 'duplicate-header',
        line: 1,
        column: 4,
        message: 'Columns 1 and 4 are both named "id" in the header (line 1); column names must be unique.',
      },
    ];
    expect(await failedRead('duplicates.csv', csv, fail)).toEqual(problems);
    expect(await failedRead('duplicates.csv', csv, skip)).toEqual(problems);
  });

  it('empty header names, the first column included', async () => {
    expect(await failedRead('empty-names.csv', ',name,, \n1,a,b,c\n2,d,e,f\n')).toEqual([
      {
        rule: 'empty-header',
        line: 1,
        column: 1,
        message:
          'Column 1 has no name in the header (line 1). Name it, or read the file as having no header row.',
      },
      {
        rule: 'empty-header',
        line: 1,
        column: 3,
        message:
          'Column 3 has no name in the header (line 1). Name it, or read the file as having no header row.',
      },
      {
        rule: 'empty-header',
        line: 1,
        column: 4,
        message:
          'Column 4 has no name in the header (line 1). Name it, or read the file as having no header row.',
      },
    ]);
  });

  it('a 0-byte file', async () => {
    expect(await failedRead('zero.csv', '', skip)).toEqual([
      { rule: 'empty-file', message: 'The file is empty (0 bytes).' },
    ]);
  });

  it('a file of blank lines (and one holding only a byte order mark)', async () => {
    const problem = {
      rule: 'empty-file',
      message: 'The file has no data: it holds nothing but blank lines or spaces.',
    };
    expect(await failedRead('blank.csv', '\n\n  \r\n', skip)).toEqual([problem]);
    expect(await failedRead('bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf]), skip)).toEqual([problem]);
  });

  it('a header without rows', async () => {
    expect(await failedRead('header-only.csv', 'id,name,amount\n', skip)).toEqual([
      { rule: 'no-rows', message: 'The file has a header (id, name, amount) but no rows.' },
    ]);
  });

  it('no rows left once the bad ones are skipped', async () => {
    expect(await failedRead('all-bad.csv', 'id,name,amount\n1,a\n2\n', skip)).toEqual([
      {
        rule: 'ragged-row',
        line: 2,
        column: 'amount',
        message: 'Line 2 has 2 fields; the header has 3 (columns id, name, amount).',
      },
      {
        rule: 'ragged-row',
        line: 3,
        column: 'name',
        message: 'Line 3 has 1 field; the header has 3 (columns id, name, amount).',
      },
      {
        rule: 'no-rows',
        message: 'No rows are left: all 2 rows of the file are bad (see the problems above).',
      },
    ]);
  });

  it('an encoding we do not know', async () => {
    expect(await failedRead('any.csv', 'a\n1\n', { badRows: 'fail', encoding: 'klingon-8' })).toEqual([
      {
        rule: 'unknown-encoding',
        message:
          'The encoding "klingon-8" is not one we can read; choose one such as utf-8, utf-16le, cp949, euc-kr or windows-1252.',
      },
    ]);
  });

  it('lists the first 1,000 problems and counts the rest', async () => {
    const lines = ['id,name'];
    for (let i = 0; i < 1_500; i += 1) lines.push(`${i},ok`, `${i}`);
    const { result } = await read('many-bad.csv', `${lines.join('\n')}\n`);
    expect(result.rowCount).toBe(1_500);
    expect(result.skippedRows).toBe(1_500);
    expect(result.problems).toHaveLength(1_001);
    expect(result.problems[999]).toEqual({
      rule: 'ragged-row',
      line: 2_001,
      column: 'name',
      message: 'Line 2001 has 1 field; the header has 2 (columns id, name).',
    });
    expect(result.problems[1_000]).toEqual({
      rule: 'more-problems',
      message: '500 more problems like the ones above are not listed.',
    });
  });
});

describe('CSV: line length', () => {
  it('a line longer than the limit', async () => {
    const strict = new TabularSourceReaderAdapter({ delimitedText: { maxLineBytes: 1024 } });
    const path = await file('long-line.csv', `id,name\n1,a\n2,${'x'.repeat(3_000)}\n3,c\n`);
    const result = await strict.read(path, 'long-line.csv', skip, scratch.path('long-line.parquet'));
    expect(result).toMatchObject({ rowCount: 2, skippedRows: 1 });
    expect(result.problems).toEqual([
      {
        rule: 'line-too-long',
        line: 3,
        message:
          'Line 3 is longer than 1 KiB; most often a quote that is never closed makes one value run on over many lines.',
      },
    ]);
  });
});

describe('CSV: a file bigger than DuckDB reads at once', () => {
  it('reports bad rows deep in the file at their physical lines, counting line breaks inside quoted values', async () => {
    // ~80 MB: several of DuckDB's read buffers, scanned by parallel threads. Every 1,000th row spans two lines.
    const rows = 1_200_000;
    const parts = ['id,label,payload\n'];
    let line = 1;
    const badLines: number[] = [];
    for (let i = 0; i < rows; i += 1) {
      if (i === 1_000_000 || i === 1_150_000) {
        parts.push(`${i},short\n`);
        line += 1;
        badLines.push(line);
        continue;
      }
      const label = i % 1_000 === 0 ? `"two\nlines ${i}"` : `label ${i}`;
      parts.push(`${i},${label},${'x'.repeat(40)}\n`);
      line += i % 1_000 === 0 ? 2 : 1;
    }
    const path = await file('large.csv', parts.join(''));
    const result = await reader.read(path, 'large.csv', skip, scratch.path('large.parquet'));
    expect(result.rowCount).toBe(rows - 2);
    expect(result.problems).toEqual(
      badLines.map((at) => ({
        rule: 'ragged-row',
        line: at,
        column: 'payload',
        message: `Line ${at} has 2 fields; the header has 3 (columns id, label, payload).`,
      })),
    );
  });
});

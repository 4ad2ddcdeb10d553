import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectJson, readJson } from './json-source-reader';
import {
  badInputProblems,
  readTextParquet,
  scratchFolder,
  type ScratchFolder,
} from './parquet-text-fixture.int-support';

let scratch: ScratchFolder;
beforeAll(async () => {
  scratch = await scratchFolder();
});
afterAll(() => scratch.cleanup());

const skip = { badRows: 'skip' } as const;
const fail = { badRows: 'fail' } as const;

async function file(name: string, content: string | Buffer): Promise<string> {
  await writeFile(scratch.path(name), content);
  return scratch.path(name);
}

const ORDERS = `{
  "meta": { "source": "shop", "tags": ["a", "b"] },
  "orders": [
    { "id": 1, "customer": { "name": "김철수", "address": { "city": "서울" } },
      "items": [{ "sku": "A-1", "qty": 2 }], "total": 1.50, "paid": true, "note": null },
    { "id": 12345678901234567890, "customer": { "name": "이영희" }, "total": 1e3, "coupon": "봄", "2024": "", "extra": {} }
  ]
}`;

describe('JSON: an object holding an array of records', () => {
  it('offers the array of objects by its path, with the union of its keys flattened', async () => {
    const layout = await detectJson(await file('orders.json', ORDERS));
    expect(layout).toEqual({
      format: 'json',
      encoding: 'utf-8',
      hadByteOrderMark: false,
      delimiter: null,
      quote: null,
      hasHeader: true,
      sheets: [],
      tableCandidates: [
        {
          sheet: '',
          range: '$.orders',
          headerRow: 0,
          columns: [
            'id',
            'customer.name',
            'customer.address.city',
            'items',
            'total',
            'paid',
            'note',
            'coupon',
            '2024',
            'extra',
          ],
          rowCount: 2,
          notes: ['records are the array at $.orders'],
        },
      ],
    });
  });

  it('flattens nested objects into parent.child columns, keeping numbers as written and arrays as JSON', async () => {
    const output = scratch.path('orders-flat.parquet');
    const result = await readJson(await file('orders.json', ORDERS), { ...fail, format: 'json' }, output);
    expect(result.table).toEqual({
      sheet: '',
      range: '$.orders',
      headerRow: 0,
      columns: [
        'id',
        'customer.name',
        'customer.address.city',
        'items',
        'total',
        'paid',
        'note',
        'coupon',
        '2024',
        'extra',
      ],
      rowCount: 2,
      notes: [
        'records are the array at $.orders',
        'nested objects flattened into parent.child columns; arrays kept as JSON text',
      ],
    });
    const parquet = await readTextParquet(output);
    expect(new Set(parquet.columns.map((column) => column.type))).toEqual(new Set(['VARCHAR']));
    expect(parquet.rows).toEqual([
      {
        id: '1',
        'customer.name': '김철수',
        'customer.address.city': '서울',
        items: '[{"sku":"A-1","qty":2}]',
        total: '1.50',
        paid: 'true',
        note: null,
        coupon: null,
        '2024': null,
        extra: null,
      },
      {
        id: '12345678901234567890',
        'customer.name': '이영희',
        'customer.address.city': null,
        items: null,
        total: '1e3',
        paid: null,
        note: null,
        coupon: '봄',
        '2024': '',
        extra: '{}',
      },
    ]);
  });

  it('keeps nested objects as one JSON text column each when asked for structs', async () => {
    const output = scratch.path('orders-struct.parquet');
    const result = await readJson(
      await file('orders.json', ORDERS),
      { ...fail, nested: 'struct', range: '$.orders' },
      output,
    );
    expect(result.columns).toEqual([
      'id',
      'customer',
      'items',
      'total',
      'paid',
      'note',
      'coupon',
      '2024',
      'extra',
    ]);
    expect((await readTextParquet(output)).rows.map((row) => row.customer)).toEqual([
      '{"name":"김철수","address":{"city":"서울"}}',
      '{"name":"이영희"}',
    ]);
  });

  it('reports a path that holds no array, an object without arrays of objects, and a bare value', async () => {
    const orders = await file('orders.json', ORDERS);
    expect(
      await badInputProblems(readJson(orders, { ...fail, range: '$.order' }, scratch.path('x.parquet'))),
    ).toEqual([
      {
        rule: 'unknown-path',
        message: 'The JSON document has no array at $.order; its arrays of records are at $.orders.',
      },
    ]);
    expect(
      await badInputProblems(
        readJson(await file('config.json', '{"a": 1, "b": [1, 2]}'), fail, scratch.path('x.parquet')),
      ),
    ).toEqual([
      {
        rule: 'no-table',
        message:
          'The JSON document is an object without any array of objects, so it holds no table of records.',
      },
    ]);
    expect(
      await badInputProblems(readJson(await file('number.json', '42'), fail, scratch.path('x.parquet'))),
    ).toEqual([
      {
        rule: 'no-table',
        line: 1,
        message: 'The JSON document is a single value, not an array of objects or an object holding one.',
      },
    ]);
  });
});

describe('JSON: a top-level array', () => {
  const BAD_RECORDS = [
    '[',
    '  {"name": "가", "n": 1},',
    '  42,',
    '  {"name": "다", "n": tru},',
    '  {"name": "라", "n": 4}',
    ']',
  ].join('\n');

  it('skips records that are not objects or not valid JSON, naming their lines, when told to skip', async () => {
    const output = scratch.path('bad-records.parquet');
    const result = await readJson(await file('bad-records.json', BAD_RECORDS), skip, output);
    expect(result.rowCount).toBe(2);
    expect(result.skippedRows).toBe(2);
    expect(result.problems).toEqual([
      {
        rule: 'not-an-object',
        line: 3,
        message:
          'Line 3 (record $[1]) holds a number rather than an object; every record must be a JSON object.',
      },
      {
        rule: 'invalid-json',
        line: 4,
        message: "Line 4 (record $[2]) is not valid JSON: unexpected 't' where a value should be.",
      },
    ]);
    expect((await readTextParquet(output)).rows).toEqual([
      { name: '가', n: '1' },
      { name: '라', n: '4' },
    ]);
  });

  it('fails on the same records when told to fail, writing nothing', async () => {
    const output = scratch.path('bad-records-fail.parquet');
    const problems = await badInputProblems(
      readJson(await file('bad-records.json', BAD_RECORDS), fail, output),
    );
    expect(problems.map((problem) => [problem.rule, problem.line])).toEqual([
      ['not-an-object', 3],
      ['invalid-json', 4],
    ]);
    await expect(readTextParquet(output)).rejects.toThrow();
  });

  it('reports a document that is cut short or whose brackets do not match', async () => {
    const cut = await file('cut.json', '[\n  {"a": 1},\n  {"a": 2}');
    expect(await badInputProblems(readJson(cut, skip, scratch.path('x.parquet')))).toEqual([
      {
        rule: 'invalid-json',
        line: 3,
        message: 'The JSON text ends before the array opened on line 1 is closed; the file may be cut short.',
      },
    ]);
    const crossed = await file('crossed.json', '[\n  {"a": 1}}\n]');
    expect(await badInputProblems(readJson(crossed, skip, scratch.path('x.parquet')))).toEqual([
      { rule: 'invalid-json', line: 2, message: "Line 2: '}' cannot close the array opened on line 1." },
    ]);
    const empty = await file('empty-array.json', '[]');
    expect(await badInputProblems(readJson(empty, skip, scratch.path('x.parquet')))).toEqual([
      { rule: 'no-rows', message: 'The array at $ holds no records.' },
    ]);
  });

  it('streams a large array, adding a key first seen on the last record as a column', async () => {
    const count = 50_000;
    const records = Array.from({ length: count }, (_, n) =>
      JSON.stringify(n === count - 1 ? { n, 이름: `사람${n}`, late: 'yes' } : { n, 이름: `사람${n}` }),
    );
    const output = scratch.path('large.parquet');
    const result = await readJson(await file('large.json', `[\n${records.join(',\n')}\n]`), fail, output);
    expect(result.rowCount).toBe(count);
    expect(result.columns).toEqual(['n', '이름', 'late']);
    const { rows } = await readTextParquet(output);
    expect(rows[0]).toEqual({ n: '0', 이름: '사람0', late: null });
    expect(rows[count - 1]).toEqual({ n: String(count - 1), 이름: `사람${count - 1}`, late: 'yes' });
  });
});

describe('NDJSON', () => {
  const LINES = [
    '{"id": 1, "name": "김", "tags": ["x", "y"]}',
    '{"id": 2, "name": "이", "extra": {"k": 1}}',
    '',
    '{"id": 3, "name": oops}',
    '[1, 2]',
    '{"id": 4}',
  ].join('\r\n');

  it('is told from JSON by its content and offers its columns', async () => {
    const layout = await detectJson(await file('events.json', LINES), { format: 'json' });
    expect(layout.format).toBe('ndjson');
    expect(layout.tableCandidates).toEqual([
      {
        sheet: '',
        range: '',
        headerRow: 0,
        columns: ['id', 'name', 'tags', 'extra.k'],
        rowCount: 5,
        notes: [
          'one JSON object per line',
          '2 of the first 5 records are not JSON objects (the first on line 4)',
        ],
      },
    ]);
  });

  it('reads one object per line, naming each bad line', async () => {
    const output = scratch.path('events.parquet');
    const result = await readJson(await file('events.ndjson', LINES), { ...skip, format: 'ndjson' }, output);
    expect(result.problems).toEqual([
      {
        rule: 'invalid-json',
        line: 4,
        message: "Line 4 is not valid JSON: unexpected 'o' where a value should be.",
      },
      {
        rule: 'not-an-object',
        line: 5,
        message: 'Line 5 holds an array rather than an object; every record must be a JSON object.',
      },
    ]);
    expect(result.skippedRows).toBe(2);
    expect((await readTextParquet(output)).rows).toEqual([
      { id: '1', name: '김', tags: '["x","y"]', 'extra.k': null },
      { id: '2', name: '이', tags: null, 'extra.k': '1' },
      { id: '4', name: null, tags: null, 'extra.k': null },
    ]);
    const problems = await badInputProblems(
      readJson(scratch.path('events.ndjson'), { ...fail, format: 'ndjson' }, output + '2'),
    );
    expect(problems.map((problem) => problem.line)).toEqual([4, 5]);
  });

  it('reports keys that cannot be column names', async () => {
    const path = await file(
      'keys.ndjson',
      ['{"Name": 1, "a.b": 1}', '{"name": 2, "a": {"b": 2}}', '{"": 3}'].join('\n'),
    );
    expect(
      await badInputProblems(readJson(path, { ...skip, format: 'ndjson' }, scratch.path('x.parquet'))),
    ).toEqual([
      {
        rule: 'duplicate-header',
        line: 2,
        column: 'name',
        message:
          'Line 2: the key "name" and the key "Name" seen before it would both be the column "name" ' +
          '(column names are compared without case); rename one of them in the source.',
      },
      {
        rule: 'duplicate-header',
        line: 2,
        column: 'a.b',
        message:
          'Line 2: the key "a" → "b" and the key "a.b" seen before it would both be the column "a.b" ' +
          '(column names are compared without case); rename one of them in the source.',
      },
      {
        rule: 'empty-header',
        line: 3,
        column: '',
        message: 'Line 3: the key "" is empty, so it cannot name a column; give it a name in the source.',
      },
    ]);
  });
});

describe('JSON: encodings and empty files', () => {
  it('reads UTF-16 with a byte order mark', async () => {
    const text = '[{"도시": "서울"}]';
    const path = await file(
      'utf16.json',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const layout = await detectJson(path);
    expect([layout.encoding, layout.hadByteOrderMark]).toEqual(['utf-16le', true]);
    await readJson(path, fail, scratch.path('utf16.parquet'));
    expect((await readTextParquet(scratch.path('utf16.parquet'))).rows).toEqual([{ 도시: '서울' }]);
  });

  it('names the line of bytes that are not UTF-8, and reports empty files', async () => {
    const cp949 = Buffer.concat([
      Buffer.from('{"a": "ok"}\n{"a": "fine"}\n{"a": "'),
      Buffer.from([0xbc, 0xad, 0xbf, 0xef]), // 서울 in CP949
      Buffer.from('"}\n'),
    ]);
    expect(
      await badInputProblems(readJson(await file('cp949.ndjson', cp949), skip, scratch.path('x.parquet'))),
    ).toEqual([
      {
        rule: 'invalid-encoding',
        line: 3,
        message:
          'Line 3 holds bytes that are not valid UTF-8 text; the file may be in another encoding (for example cp949): ' +
          'choose it and read the file again.',
      },
    ]);
    await readJson(
      scratch.path('cp949.ndjson'),
      { ...fail, encoding: 'cp949' },
      scratch.path('cp949.parquet'),
    );
    expect((await readTextParquet(scratch.path('cp949.parquet'))).rows.map((row) => row.a)).toEqual([
      'ok',
      'fine',
      '서울',
    ]);

    expect(
      await badInputProblems(readJson(await file('zero.json', ''), skip, scratch.path('x.parquet'))),
    ).toEqual([{ rule: 'empty-file', message: 'The file is empty (0 bytes).' }]);
    expect(
      await badInputProblems(readJson(await file('blank.json', ' \n \n'), skip, scratch.path('x.parquet'))),
    ).toEqual([{ rule: 'empty-file', message: 'The file holds only white space: there is no JSON in it.' }]);
  });
});

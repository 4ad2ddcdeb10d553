import { writeFile, readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectSpreadsheet, readSpreadsheet } from './spreadsheet-source-reader';
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

const fail = { badRows: 'fail' } as const;

/**
 * A report as offices make them: an empty first sheet, then a title block, a date line, a blank row and a
 * two-row header whose years are merged over their quarters, with Korean text and every kind of cell value.
 */
async function writeSalesReport(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('비어 있음');
  const sheet = workbook.addWorksheet('매출');
  sheet.getCell('A1').value = '2024년 지역별 매출';
  sheet.mergeCells('A1:E1');
  sheet.getCell('A2').value = '기준일: 2024-03-31';
  sheet.getRow(4).values = ['지역', '2024', null, '2025', null];
  sheet.getRow(5).values = [null, '1분기', '2분기', '1분기', '2분기'];
  sheet.mergeCells('A4:A5');
  sheet.mergeCells('B4:C4');
  sheet.mergeCells('D4:E4');
  sheet.getRow(6).values = [
    '서울',
    0.1 + 0.2,
    1e21,
    { formula: 'B6>0', result: true },
    { formula: '1/0', result: { error: '#DIV/0!' } },
  ];
  sheet.getRow(7).values = [
    '부산',
    new Date(Date.UTC(2024, 2, 1)),
    { richText: [{ text: '굵은 ', font: { bold: true } }, { text: '글씨' }] },
    12345678901234568,
    -0.00000015,
  ];
  sheet.getCell('B7').numFmt = 'yyyy-mm-dd';
  sheet.getRow(8).values = [
    '대구',
    new Date(Date.UTC(2024, 2, 1, 14, 30, 5)),
    0.5,
    { formula: 'A8&"!"', result: '대구!' },
    1234.5,
  ];
  sheet.getCell('B8').numFmt = 'yyyy-mm-dd hh:mm:ss';
  sheet.getCell('C8').numFmt = 'hh:mm';
  sheet.getCell('E8').numFmt = '#,##0.00';
  sheet.getRow(9).values = ['광주', 0.15, false, { formula: 'B9*2' }, null];
  sheet.getCell('B9').numFmt = '0%';
  await workbook.xlsx.writeFile(path);
}

describe('XLSX: a report with a title block and a merged two-row header', () => {
  let path: string;
  beforeAll(async () => {
    path = scratch.path('sales-report.xlsx');
    await writeSalesReport(path);
  });

  it('lists the sheets and offers the table below the title, its merged header joined', async () => {
    const layout = await detectSpreadsheet(path);
    expect(layout).toEqual({
      format: 'xlsx',
      encoding: null,
      hadByteOrderMark: false,
      delimiter: null,
      quote: null,
      hasHeader: true,
      sheets: ['비어 있음', '매출'],
      tableCandidates: [
        {
          sheet: '매출',
          range: 'A4:E9',
          headerRow: 4,
          columns: ['지역', '2024 1분기', '2024 2분기', '2025 1분기', '2025 2분기'],
          rowCount: 4,
          notes: [
            'title block above the header skipped (rows 1–2: "2024년 지역별 매출", "기준일: 2024-03-31")',
            'header spans rows 4–5; merged header cells joined with the row below: ' +
              '"2024 1분기", "2024 2분기", "2025 1분기", "2025 2분기"',
          ],
        },
      ],
    });
  });

  it('reads every cell as the text a user sees, into nullable text columns', async () => {
    const output = scratch.path('sales-report.parquet');
    const result = await readSpreadsheet(path, fail, output);

    expect(result.columns).toEqual(['지역', '2024 1분기', '2024 2분기', '2025 1분기', '2025 2분기']);
    expect(result.rowCount).toBe(4);
    expect(result.skippedRows).toBe(0);
    expect(result.table?.range).toBe('A4:E9');
    expect(result.problems).toEqual([
      {
        rule: 'cell-error',
        line: 6,
        column: 'E6',
        message: 'Cell E6 holds the error #DIV/0!; it is read as an empty value.',
      },
      {
        rule: 'formula-without-result',
        line: 9,
        column: 'D9',
        message:
          'Cell D9 holds the formula =B9*2, but the file was saved without its result; it is read as an empty value. ' +
          'Open the file in Excel and save it again to keep the results.',
      },
    ]);
    const parquet = await readTextParquet(output);
    expect(parquet.columns.map((column) => column.type)).toEqual(Array(5).fill('VARCHAR'));
    expect(parquet.rows).toEqual([
      {
        지역: '서울',
        '2024 1분기': '0.3',
        '2024 2분기': '1000000000000000000000',
        '2025 1분기': 'true',
        '2025 2분기': null,
      },
      {
        지역: '부산',
        '2024 1분기': '2024-03-01',
        '2024 2분기': '굵은 글씨',
        '2025 1분기': '12345678901234600',
        '2025 2분기': '-0.00000015',
      },
      {
        지역: '대구',
        '2024 1분기': '2024-03-01 14:30:05',
        '2024 2분기': '12:00:00',
        '2025 1분기': '대구!',
        '2025 2분기': '1234.5',
      },
      { 지역: '광주', '2024 1분기': '0.15', '2024 2분기': 'false', '2025 1분기': null, '2025 2분기': null },
    ]);
  });

  it('refuses a range that starts inside the merged header', async () => {
    const problems = await badInputProblems(
      readSpreadsheet(path, { ...fail, sheet: '매출', range: 'A5:E9' }, scratch.path('cut.parquet')),
    );
    expect(problems).toEqual([
      {
        rule: 'merged-header',
        line: 5,
        column: 'A5',
        message:
          'The range starts at row 5, inside the merged cells A4:A5; start the range at row 4 so the merged header is read whole.',
      },
    ]);
  });
});

describe('XLSX: several tables on one sheet', () => {
  let path: string;
  beforeAll(async () => {
    path = scratch.path('tables.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('표');
    const rows: [number, (string | number | null)[]][] = [
      [1, ['상품', '수량', '단가', null, '코드', '이름']],
      [2, ['사과', 3, 1200, null, 'A', '서울']],
      [3, ['배', 5, 2500, null, 'B', '부산']],
      [4, ['감', 2, 800]],
      [7, ['월', '방문자']],
      [8, ['1월', 120]],
      [9, ['2월', 98]],
    ];
    for (const [row, values] of rows) sheet.getRow(row).values = values;
    await workbook.xlsx.writeFile(path);
  });

  it('offers each table, biggest first, with its own range and header', async () => {
    const layout = await detectSpreadsheet(path);
    expect(layout.tableCandidates).toEqual([
      {
        sheet: '표',
        range: 'A1:C4',
        headerRow: 1,
        columns: ['상품', '수량', '단가'],
        rowCount: 3,
        notes: [],
      },
      { sheet: '표', range: 'E1:F3', headerRow: 1, columns: ['코드', '이름'], rowCount: 2, notes: [] },
      { sheet: '표', range: 'A7:B9', headerRow: 7, columns: ['월', '방문자'], rowCount: 2, notes: [] },
    ]);
  });

  it('reads the best table by default and the one the user picks by its range', async () => {
    const best = await readSpreadsheet(path, fail, scratch.path('best.parquet'));
    expect(best.table?.range).toBe('A1:C4');
    expect((await readTextParquet(scratch.path('best.parquet'))).rows).toEqual([
      { 상품: '사과', 수량: '3', 단가: '1200' },
      { 상품: '배', 수량: '5', 단가: '2500' },
      { 상품: '감', 수량: '2', 단가: '800' },
    ]);

    const picked = await readSpreadsheet(
      path,
      { ...fail, sheet: '표', range: 'A7:B9' },
      scratch.path('picked.parquet'),
    );
    expect(picked.columns).toEqual(['월', '방문자']);
    expect((await readTextParquet(scratch.path('picked.parquet'))).rows).toEqual([
      { 월: '1월', 방문자: '120' },
      { 월: '2월', 방문자: '98' },
    ]);

    const side = await readSpreadsheet(path, { ...fail, range: 'E1:F3' }, scratch.path('side.parquet'));
    expect((await readTextParquet(scratch.path('side.parquet'))).rows).toEqual([
      { 코드: 'A', 이름: '서울' },
      { 코드: 'B', 이름: '부산' },
    ]);
    expect(side.rowCount).toBe(2);
  });

  it('reads a range that holds only its header as a table without rows, and says so', async () => {
    const result = await readSpreadsheet(
      path,
      { ...fail, range: 'A1:C1' },
      scratch.path('header-only.parquet'),
    );
    expect([result.columns, result.rowCount]).toEqual([['상품', '수량', '단가'], 0]);
    expect(result.problems).toEqual([
      { rule: 'no-rows', line: 2, message: 'The range A1:C1 has a header but no rows of data below it.' },
    ]);
    expect(await readTextParquet(scratch.path('header-only.parquet'))).toEqual({
      columns: [
        { name: '상품', type: 'VARCHAR' },
        { name: '수량', type: 'VARCHAR' },
        { name: '단가', type: 'VARCHAR' },
      ],
      rows: [],
    });
  });

  it('names columns by their letters when the user says the table has no header', async () => {
    const result = await readSpreadsheet(
      path,
      { ...fail, hasHeader: false, range: 'A8:B9' },
      scratch.path('letters.parquet'),
    );
    expect(result.columns).toEqual(['A', 'B']);
    expect((await readTextParquet(scratch.path('letters.parquet'))).rows).toEqual([
      { A: '1월', B: '120' },
      { A: '2월', B: '98' },
    ]);
  });
});

describe('XLSX: a large sheet of Korean text', () => {
  it('keeps every character whole across the chunks the archive is streamed in', async () => {
    const path = scratch.path('korean.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    for (const [name, rows] of [
      ['공유 문자열', 20_000],
      ['두번째', 3],
    ] as const) {
      const sheet = writer.addWorksheet(name);
      sheet.addRow(['번호', '고객 이름', '주소']).commit();
      for (let n = 1; n <= rows; n += 1)
        sheet.addRow([n, `고객${n}번 홍길동`, `서울특별시 중구 세종대로 ${n}길`]).commit();
      sheet.commit();
    }
    await writer.commit();

    const output = scratch.path('korean.parquet');
    const result = await readSpreadsheet(path, fail, output);
    expect(result.rowCount).toBe(20_000);
    const { rows } = await readTextParquet(output);
    const broken = rows.filter((row) => Object.values(row).some((value) => value?.includes('\uFFFD')));
    expect(broken).toEqual([]);
    expect(rows[12_344]).toEqual({
      번호: '12345',
      '고객 이름': '고객12345번 홍길동',
      주소: '서울특별시 중구 세종대로 12345길',
    });
  });
});

describe('XLSX: strings stored inline', () => {
  it('reads plain and rich inline strings, joining the rich text runs', async () => {
    const path = scratch.path('inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = writer.addWorksheet('인라인');
    sheet.addRow(['이름', '설명']).commit();
    sheet
      .addRow(['홍길동', { richText: [{ text: '굵은 ', font: { bold: true } }, { text: '글씨' }] }])
      .commit();
    sheet.commit();
    await writer.commit();

    await readSpreadsheet(path, fail, scratch.path('inline.parquet'));
    expect((await readTextParquet(scratch.path('inline.parquet'))).rows).toEqual([
      { 이름: '홍길동', 설명: '굵은 글씨' },
    ]);
  });
});

describe('XLSX: bad input', () => {
  it('names the merged header cell whose columns have no name below it', async () => {
    const path = scratch.path('merged-unresolved.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('시트1');
    sheet.getRow(1).values = ['지역', '2024', null];
    sheet.mergeCells('B1:C1');
    sheet.getRow(2).values = ['단위: 원', null, '2분기'];
    sheet.getRow(3).values = ['서울', 100, 200];
    await workbook.xlsx.writeFile(path);

    const expected = {
      rule: 'merged-header',
      line: 2,
      column: 'B1',
      message:
        'The merged header cell B1:C1 ("2024") spans 2 columns, but the cell below it (B2) is empty, so that column has no name. ' +
        'Name it in row 2, or unmerge B1:C1.',
    };
    expect(await badInputProblems(readSpreadsheet(path, fail, scratch.path('x.parquet')))).toEqual([
      expected,
    ]);
    expect((await detectSpreadsheet(path)).tableCandidates[0]?.notes).toContain(expected.message);
  });

  it('reports empty and duplicate header names instead of renaming them', async () => {
    const path = scratch.path('headers.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('시트1');
    sheet.getRow(1).values = ['이름', '금액', null, '금액', 'amount', 'Amount'];
    sheet.getRow(2).values = ['김', 1, 2, 3, 4, 5];
    await workbook.xlsx.writeFile(path);

    expect(await badInputProblems(readSpreadsheet(path, fail, scratch.path('x.parquet')))).toEqual([
      {
        rule: 'empty-header',
        line: 1,
        column: 'C1',
        message:
          'The header cell C1 is empty; every column of the range needs a name. ' +
          'Give it one in the file, or choose a range without that column.',
      },
      {
        rule: 'duplicate-header',
        line: 1,
        column: 'D1',
        message:
          'The header cells B1 and D1 are both named "금액"; column names must be unique. ' +
          'Rename one of them in the file, or choose another range.',
      },
      {
        rule: 'duplicate-header',
        line: 1,
        column: 'F1',
        message:
          'The header cells E1 and F1 are both named "Amount" (names are compared without case: "amount"); ' +
          'column names must be unique. Rename one of them in the file, or choose another range.',
      },
    ]);
  });

  it('reports an empty sheet, an unknown sheet and a range that is not A1 notation', async () => {
    const path = scratch.path('sales-report-2.xlsx');
    await writeSalesReport(path);
    expect(
      await badInputProblems(
        readSpreadsheet(path, { ...fail, sheet: '비어 있음' }, scratch.path('x.parquet')),
      ),
    ).toEqual([
      { rule: 'empty-sheet', message: 'The sheet "비어 있음" is empty: none of its cells holds a value.' },
    ]);
    expect(
      await badInputProblems(readSpreadsheet(path, { ...fail, sheet: 'Sheet9' }, scratch.path('x.parquet'))),
    ).toEqual([
      {
        rule: 'unknown-sheet',
        message: 'The workbook has no sheet named "Sheet9"; its sheets are "비어 있음", "매출".',
      },
    ]);
    expect(
      await badInputProblems(readSpreadsheet(path, { ...fail, range: 'A4-E9' }, scratch.path('x.parquet'))),
    ).toEqual([
      {
        rule: 'invalid-range',
        message: 'The range "A4-E9" is not a cell range in A1 notation such as A4:E20.',
      },
    ]);
  });

  it('tells a text file, an old .xls workbook, a damaged archive and an empty file apart', async () => {
    const cases: [string, Buffer, object][] = [
      [
        'text.xlsx',
        Buffer.from('이름,금액\n김,1\n'),
        {
          rule: 'unsupported-format',
          message:
            'The file is not an XLSX workbook: an XLSX file is a ZIP archive and this one is not. ' +
            'Check that the right file was chosen, or save it from Excel as .xlsx.',
        },
      ],
      [
        'old.xlsx',
        Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]),
        {
          rule: 'unsupported-format',
          message:
            'The file is an Excel 97–2003 workbook (.xls) or a password-protected workbook, not an XLSX workbook; ' +
            'save it from Excel as .xlsx without a password and upload it again.',
        },
      ],
      [
        'cut.xlsx',
        (await readFile(scratch.path('sales-report-2.xlsx'))).subarray(0, 2000),
        {
          rule: 'corrupt-file',
          message:
            'The XLSX workbook is damaged and cannot be read: End of central directory record signature not found. Either not a zip file, or file is truncated..',
        },
      ],
      ['empty.xlsx', Buffer.alloc(0), { rule: 'empty-file', message: 'The file is empty (0 bytes).' }],
    ];
    for (const [name, bytes, problem] of cases) {
      await writeFile(scratch.path(name), bytes);
      expect(
        await badInputProblems(readSpreadsheet(scratch.path(name), fail, scratch.path('x.parquet'))),
        name,
      ).toEqual([problem]);
      expect(await badInputProblems(detectSpreadsheet(scratch.path(name))), name).toEqual([problem]);
    }
  });
});

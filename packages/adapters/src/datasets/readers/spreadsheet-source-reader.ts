import type { DetectedLayout, ReadOptions, ReadProblem, ReadResult, TableCandidate } from '@spice/domain';
import { cellRef, formatRange, parseRange, type CellRange } from './spreadsheet-a1';
import { headerHeight, resolveHeader, type ResolvedHeader } from './spreadsheet-header';
import { scanSheet, type SheetCell } from './spreadsheet-sheet-scanner';
import { findTableCandidates, SheetShape } from './spreadsheet-table-detection';
import { openWorkbook, type SheetInfo, type Workbook } from './spreadsheet-workbook';
import { badInput, ProblemLog } from './parquet-read-report';
import { TextParquetWriter } from './parquet-text-writer';

/*
 * XLSX workbooks. Cells become text as spreadsheet-cell-text.ts describes; an error value (#DIV/0!, #N/A …)
 * and a formula saved without its result are read as null and listed as problems, but never make the row bad:
 * the other cells of the row are good data, and the report shows where the gaps came from. A spreadsheet
 * therefore has no bad rows, and `badRows` does not change how it is read.
 */

interface SheetSurvey {
  readonly sheet: SheetInfo;
  readonly hasCells: boolean;
  readonly candidates: TableCandidate[];
  readonly merges: CellRange[];
}

async function surveySheet(workbook: Workbook, sheet: SheetInfo, hasHeader: boolean): Promise<SheetSurvey> {
  const shape = new SheetShape();
  const { merges } = await scanSheet(workbook, sheet, (row) => shape.add(row));
  return {
    sheet,
    hasCells: shape.blocks.length > 0,
    candidates: findTableCandidates(sheet.name, shape.blocks, merges, hasHeader),
    merges,
  };
}

const quotedList = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/** The sheet the user named, or else the first visible sheet that holds a table (or at least a value). */
async function chooseSheet(workbook: Workbook, options: Partial<ReadOptions>): Promise<SheetSurvey | null> {
  const hasHeader = options.hasHeader ?? true;
  if (options.sheet !== undefined) {
    const sheet = workbook.sheets.find((candidate) => candidate.name === options.sheet);
    if (!sheet) {
      throw badInput([
        {
          rule: 'unknown-sheet',
          message: `The workbook has no sheet named "${options.sheet}"; its sheets are ${quotedList(workbook.sheets.map((s) => s.name))}.`,
        },
      ]);
    }
    return surveySheet(workbook, sheet, hasHeader);
  }
  let firstWithCells: SheetSurvey | null = null;
  for (const sheet of workbook.sheets.filter((candidate) => !candidate.hidden)) {
    const survey = await surveySheet(workbook, sheet, hasHeader);
    if (survey.candidates.length > 0) return survey;
    if (survey.hasCells) firstWithCells ??= survey;
  }
  return firstWithCells;
}

async function withWorkbook<T>(filePath: string, work: (workbook: Workbook) => Promise<T>): Promise<T> {
  const workbook = await openWorkbook(filePath);
  try {
    return await work(workbook);
  } finally {
    workbook.close();
  }
}

const layoutOf = (
  workbook: Workbook,
  options: Partial<ReadOptions>,
  survey: SheetSurvey | null,
): DetectedLayout => ({
  format: 'xlsx',
  encoding: null,
  hadByteOrderMark: false,
  delimiter: null,
  quote: null,
  hasHeader: options.hasHeader ?? true,
  sheets: workbook.sheets.map((sheet) => sheet.name),
  tableCandidates: survey?.candidates ?? [],
});

/** Lists the sheets and the tables on the chosen sheet (best first). Reads that sheet once, streaming. */
export async function detectSpreadsheet(
  filePath: string,
  options: Partial<ReadOptions> = {},
): Promise<DetectedLayout> {
  return withWorkbook(filePath, async (workbook) =>
    layoutOf(workbook, options, await chooseSheet(workbook, options)),
  );
}

function chooseRange(survey: SheetSurvey | null, options: ReadOptions): CellRange {
  if (!survey?.hasCells) {
    throw badInput([
      {
        rule: 'empty-sheet',
        message: survey
          ? `The sheet "${survey.sheet.name}" is empty: none of its cells holds a value.`
          : options.sheet === undefined
            ? 'The workbook has no sheet with values.'
            : `The sheet "${options.sheet}" is empty: none of its cells holds a value.`,
      },
    ]);
  }
  if (options.range !== undefined) {
    const range = parseRange(options.range);
    if (!range) {
      throw badInput([
        {
          rule: 'invalid-range',
          message: `The range "${options.range}" is not a cell range in A1 notation such as A4:E20.`,
        },
      ]);
    }
    return range;
  }
  const best = survey.candidates[0];
  if (!best) {
    throw badInput([
      {
        rule: 'no-table',
        message: `The sheet "${survey.sheet.name}" holds no table: it has no row of column names with rows below it. Choose a range.`,
      },
    ]);
  }
  return parseRange(best.range)!;
}

function cellProblem(row: number, cell: SheetCell): ReadProblem | null {
  const ref = cellRef(row, cell.column);
  if (cell.error !== undefined) {
    return {
      rule: 'cell-error',
      line: row,
      column: ref,
      message: `Cell ${ref} holds the error ${cell.error}; it is read as an empty value.`,
    };
  }
  if (cell.formulaWithoutResult !== undefined) {
    const formula =
      cell.formulaWithoutResult === '' ? 'a formula' : `the formula =${cell.formulaWithoutResult}`;
    return {
      rule: 'formula-without-result',
      line: row,
      column: ref,
      message:
        `Cell ${ref} holds ${formula}, but the file was saved without its result; it is read as an empty value. ` +
        'Open the file in Excel and save it again to keep the results.',
    };
  }
  return null;
}

/**
 * Reads one table of one sheet (options.sheet, options.range; by default the best candidate) into a Parquet
 * file of text columns. The sheet is streamed twice: once to find its tables and merged cells (stored after
 * the rows in an XLSX file, and needed to know how tall the header is), once to copy the rows.
 */
export async function readSpreadsheet(
  filePath: string,
  options: ReadOptions,
  outputPath: string,
): Promise<ReadResult> {
  return withWorkbook(filePath, async (workbook) => {
    const survey = await chooseSheet(workbook, options);
    const range = chooseRange(survey, options);
    const { sheet, merges } = survey!;
    const hasHeader = options.hasHeader ?? true;
    const height = hasHeader ? headerHeight(range, merges) : 0;
    const dataTop = range.top + height;
    const headerRows = new Map<number, Map<number, string | null>>();
    const problems = new ProblemLog();
    const writer = await TextParquetWriter.create();
    let header: ResolvedHeader | undefined;

    const settleHeader = (): ResolvedHeader => {
      if (header) return header;
      const text = (row: number, column: number) => headerRows.get(row)?.get(column) ?? null;
      header = resolveHeader(range, merges, text, hasHeader);
      if (header.problems.length > 0) throw badInput(header.problems);
      return header;
    };

    try {
      const width = range.right - range.left + 1;
      await writer.ensureColumns(width);
      const values = new Array<string | null>(width);
      await scanSheet(workbook, sheet, ({ row, cells }) => {
        if (row < range.top || row > range.bottom) return;
        if (row < dataTop) {
          headerRows.set(row, new Map(cells.map((cell) => [cell.column, cell.text])));
          return;
        }
        settleHeader();
        values.fill(null);
        let inRange = false;
        for (const cell of cells) {
          if (cell.column < range.left || cell.column > range.right) continue;
          inRange = true;
          values[cell.column - range.left] = cell.text;
          const problem = cellProblem(row, cell);
          if (problem) problems.add(problem);
        }
        // A row blank across the range (its values are all in other columns) is no row of this table.
        if (inRange) writer.appendRow(values);
      });
      const { columns, notes } = settleHeader();
      const names = columns.map((column) => column.name!);
      const rowCount = await writer.finish(names, outputPath);
      if (rowCount === 0) {
        problems.add({
          rule: 'no-rows',
          line: dataTop,
          message: `The range ${formatRange(range)} has a header but no rows of data below it.`,
        });
      }
      const dataMerges = merges.filter(
        (merge) =>
          merge.top >= dataTop &&
          merge.top <= range.bottom &&
          merge.left <= range.right &&
          merge.right >= range.left,
      );
      const detected = survey!.candidates.find((candidate) => candidate.range === formatRange(range));
      const table: TableCandidate = {
        sheet: sheet.name,
        range: formatRange(range),
        headerRow: hasHeader ? range.top : 0,
        columns: names,
        rowCount,
        notes: [
          ...(detected?.notes ?? notes),
          ...(dataMerges.length > 0
            ? [
                `merged cells in the data (${dataMerges.slice(0, 5).map(formatRange).join(', ')}` +
                  `${dataMerges.length > 5 ? ` and ${dataMerges.length - 5} more` : ''}) keep their value in their first cell only`,
              ]
            : []),
        ],
      };
      return {
        layout: layoutOf(workbook, options, survey),
        columns: names,
        rowCount,
        skippedRows: 0,
        problems: problems.problems(),
        table,
      };
    } catch (error) {
      await writer.discard();
      throw error;
    }
  });
}

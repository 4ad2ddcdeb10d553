import { parseCellRef, parseRange, type CellRange } from './spreadsheet-a1';
import { isoDateCellText, plainNumberText, serialToDateText } from './spreadsheet-cell-text';
import type { SheetInfo, Workbook } from './spreadsheet-workbook';
import { readXml } from './spreadsheet-xml';

/**
 * One cell that is not blank. `text` is what the cell shows (null for an empty string, an error or a formula
 * never calculated); `error` is an error value such as `#DIV/0!`; `formulaWithoutResult` is the formula of a
 * cell whose file was saved without calculating it.
 */
export interface SheetCell {
  readonly column: number;
  readonly text: string | null;
  readonly error?: string;
  readonly formulaWithoutResult?: string;
}

export interface SheetRow {
  readonly row: number;
  /** In column order; blank cells are left out. */
  readonly cells: readonly SheetCell[];
}

interface CellInProgress {
  column: number;
  type: string;
  style: number;
  value: string | null;
  formula: string | null;
  inline: string;
}

/**
 * Streams a worksheet's cells row by row (rows with no value are not reported) and returns its merged ranges,
 * which an XLSX file stores after all the rows. Memory holds one row at a time plus the merged ranges.
 */
export async function scanSheet(
  workbook: Workbook,
  sheet: SheetInfo,
  onRow: (row: SheetRow) => void,
): Promise<{ merges: CellRange[] }> {
  const merges: CellRange[] = [];
  let rowNumber = 0;
  let cells: SheetCell[] = [];
  let cell: CellInProgress | null = null;
  let lastColumn = 0;
  // Which element's text is being collected: the cached value, the formula, or inline-string text.
  let capture: 'value' | 'formula' | 'inline' | null = null;
  let inPhonetic = false;

  const cellText = (done: CellInProgress): SheetCell | null => {
    const { column, type, value, formula } = done;
    if (type === 'inlineStr') return done.inline === '' ? null : { column, text: done.inline };
    if (value === null) {
      return formula === null ? null : { column, text: null, formulaWithoutResult: formula };
    }
    switch (type) {
      case 's': {
        const shared = workbook.sharedStrings[Number(value)] ?? '';
        return shared === '' ? null : { column, text: shared };
      }
      case 'str':
        return value === '' ? null : { column, text: value };
      case 'b':
        return { column, text: value.trim() === '1' || value.trim() === 'true' ? 'true' : 'false' };
      case 'e':
        return { column, text: null, error: value.trim() };
      case 'd':
        return { column, text: isoDateCellText(value) };
      default: {
        if (value.trim() === '') return null;
        const dateKind = workbook.styleDateKinds[done.style] ?? null;
        const dateText = dateKind ? serialToDateText(Number(value), dateKind, workbook.date1904) : null;
        return { column, text: dateText ?? plainNumberText(value) };
      }
    }
  };

  await readXml(await workbook.openPart(sheet.part), {
    open(name, attributes) {
      switch (name) {
        case 'row':
          // `r` may be left out, meaning the row after the previous one.
          rowNumber = attributes.r === undefined ? rowNumber + 1 : Number(attributes.r);
          cells = [];
          lastColumn = 0;
          break;
        case 'c': {
          const position = attributes.r === undefined ? null : parseCellRef(attributes.r);
          const column = position?.column ?? lastColumn + 1;
          lastColumn = column;
          cell = {
            column,
            type: attributes.t ?? 'n',
            style: Number(attributes.s ?? 0),
            value: null,
            formula: null,
            inline: '',
          };
          break;
        }
        case 'v':
          if (cell) {
            cell.value = '';
            capture = 'value';
          }
          break;
        case 'f':
          if (cell) {
            cell.formula = '';
            capture = 'formula';
          }
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (cell && !inPhonetic) capture = 'inline';
          break;
        case 'mergeCell': {
          const range = attributes.ref === undefined ? null : parseRange(attributes.ref);
          if (range) merges.push(range);
          break;
        }
        default:
          break;
      }
    },
    text(value) {
      if (!cell || capture === null) return;
      if (capture === 'value') cell.value += value;
      else if (capture === 'formula') cell.formula += value;
      else cell.inline += value;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          capture = null;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          if (cell) {
            const done = cellText(cell);
            if (done) cells.push(done);
          }
          cell = null;
          break;
        case 'row':
          if (cells.length > 0) onRow({ row: rowNumber, cells: cells.sort((a, b) => a.column - b.column) });
          break;
        default:
          break;
      }
    },
  });
  return { merges };
}

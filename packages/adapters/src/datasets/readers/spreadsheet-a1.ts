/** Cell addresses in A1 notation: 1-based rows and columns, column letters A…XFD. */

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

export const cellRef = (row: number, column: number) => `${columnLetters(column)}${row}`;

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

export function parseCellRef(ref: string): { row: number; column: number } | null {
  const match = CELL.exec(ref.trim());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]!.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

/** `A4:E20`, or a single cell `A4`; the corners may come in any order. */
export function parseRange(text: string): CellRange | null {
  const [from, to, ...rest] = text.split(':');
  if (from === undefined || rest.length > 0) return null;
  const start = parseCellRef(from);
  const end = to === undefined ? start : parseCellRef(to);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

export const formatRange = (range: CellRange) =>
  range.top === range.bottom && range.left === range.right
    ? cellRef(range.top, range.left)
    : `${cellRef(range.top, range.left)}:${cellRef(range.bottom, range.right)}`;

export const containsCell = (range: CellRange, row: number, column: number) =>
  row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;

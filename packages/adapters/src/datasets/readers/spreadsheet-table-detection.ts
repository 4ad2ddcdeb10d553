import type { TableCandidate } from '@spice/domain';
import { formatRange, type CellRange } from './spreadsheet-a1';
import { resolveHeader } from './spreadsheet-header';
import type { SheetRow } from './spreadsheet-sheet-scanner';

/** Rows kept from the top of each block: enough for a title block, a two-row header and a look at the data. */
const BUFFERED_ROWS = 40;
/** A sheet whose every other row is blank would otherwise make a block per row; past this, gaps join blocks. */
const MAX_BLOCKS = 1000;
const MAX_TITLE_ROWS = 5;
/** A title block above a table may be separated from its header by this many blank rows. */
const TITLE_GAP = 3;

interface ColumnStats {
  count: number;
  lastRow: number;
}

/** Consecutive rows with values: the first rows in full, and for every column how often and how far down it holds values. */
export interface RowBlock {
  readonly top: number;
  bottom: number;
  readonly head: SheetRow[];
  readonly columns: Map<number, ColumnStats>;
}

/**
 * The shape of a sheet, collected while its rows stream past: blocks of rows separated by blank rows. Memory
 * holds a few rows per block, never the sheet.
 */
export class SheetShape {
  readonly blocks: RowBlock[] = [];

  add(row: SheetRow): void {
    let block = this.blocks.at(-1);
    if (!block || (row.row > block.bottom + 1 && this.blocks.length < MAX_BLOCKS)) {
      block = { top: row.row, bottom: row.row, head: [], columns: new Map() };
      this.blocks.push(block);
    }
    block.bottom = row.row;
    if (block.head.length < BUFFERED_ROWS) block.head.push(row);
    for (const { column } of row.cells) {
      const stats = block.columns.get(column);
      if (stats) {
        stats.count += 1;
        stats.lastRow = row.row;
      } else {
        block.columns.set(column, { count: 1, lastRow: row.row });
      }
    }
  }
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
const rowsLabel = (first: number, last: number) =>
  first === last ? `row ${first}` : `rows ${first}–${last}`;

/** How many columns a row covers, a merged cell counting for every column it spans. */
function coveredWidth(row: SheetRow, merges: readonly CellRange[]): number {
  return row.cells.reduce((width, { column }) => {
    const merge = merges.find((m) => m.top === row.row && m.left === column);
    return width + (merge ? merge.right - merge.left + 1 : 1);
  }, 0);
}

/**
 * Rows at the top of a block that are a title rather than a header: a single cell (a merged title), or one or
 * two cells covering less than half the width of the rows below ("As of" | 2024-03-01).
 */
function leadingTitleRows(block: RowBlock, merges: readonly CellRange[]): SheetRow[] {
  const titles: SheetRow[] = [];
  for (let index = 0; index < Math.min(MAX_TITLE_ROWS, block.head.length - 1); index += 1) {
    const row = block.head[index]!;
    const widestBelow = Math.max(...block.head.slice(index + 1).map((later) => later.cells.length));
    const single = row.cells.length === 1 && widestBelow >= 2;
    const narrow = row.cells.length <= 2 && coveredWidth(row, merges) * 2 < widestBelow;
    if (!single && !narrow) break;
    titles.push(row);
  }
  return titles;
}

/** A short block of one- or two-cell rows just above a wider block is that block's title. */
function isTitleBlockOf(block: RowBlock, next: RowBlock | undefined): boolean {
  if (!next || next.top - block.bottom - 1 > TITLE_GAP || block.bottom - block.top >= 4) return false;
  const widest = Math.max(...block.head.map((row) => row.cells.length));
  return widest <= 2 && Math.max(...next.head.map((row) => row.cells.length)) > widest;
}

const titleNote = (rows: readonly SheetRow[]) =>
  `title block above the header skipped (${rowsLabel(rows[0]!.row, rows.at(-1)!.row)}: ` +
  `${rows.map((row) => `"${clip(row.cells.map((cell) => cell.text ?? '').join(' '))}"`).join(', ')})`;

/** Runs of columns with values, split where a whole column is blank: tables side by side. */
function columnRuns(columns: readonly number[]): { left: number; right: number }[] {
  const runs: { left: number; right: number }[] = [];
  for (const column of [...columns].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && column === run.right + 1) run.right = column;
    else runs.push({ left: column, right: column });
  }
  return runs;
}

interface ScoredCandidate {
  readonly candidate: TableCandidate;
  readonly clean: boolean;
  readonly order: number;
}

/**
 * The tables a sheet holds, best first: those whose header names every column cleanly, then the biggest.
 * Each has its A1 range (header row first), its header row, its column names, its data rows and notes on how
 * it was found. Empty header names show as ''.
 */
export function findTableCandidates(
  sheet: string,
  blocks: readonly RowBlock[],
  merges: readonly CellRange[],
  hasHeader = true,
): TableCandidate[] {
  const scored: ScoredCandidate[] = [];
  let titleAbove: SheetRow[] = [];
  blocks.forEach((block, index) => {
    if (hasHeader && isTitleBlockOf(block, blocks[index + 1])) {
      titleAbove = block.head;
      return;
    }
    const titles = hasHeader ? leadingTitleRows(block, merges) : [];
    const body = block.head.slice(titles.length);
    const titleCells = new Map<number, number>();
    for (const row of titles)
      for (const { column } of row.cells) titleCells.set(column, (titleCells.get(column) ?? 0) + 1);
    const occupied = [...block.columns]
      .filter(([column, stats]) => stats.count > (titleCells.get(column) ?? 0))
      .map(([column]) => column);
    const skippedTitle = [...titleAbove, ...titles];
    titleAbove = [];
    const rowsByNumber = new Map(
      block.head.map((row) => [row.row, new Map(row.cells.map((c) => [c.column, c.text]))]),
    );
    const text = (row: number, column: number) => rowsByNumber.get(row)?.get(column) ?? null;

    for (const run of columnRuns(occupied)) {
      const headerRow = body.find((row) =>
        row.cells.some((c) => c.column >= run.left && c.column <= run.right),
      );
      if (!headerRow) continue;
      let bottom = headerRow.row;
      for (let column = run.left; column <= run.right; column += 1) {
        bottom = Math.max(bottom, block.columns.get(column)?.lastRow ?? 0);
      }
      const range: CellRange = { top: headerRow.row, left: run.left, bottom, right: run.right };
      if (range.top === range.bottom && range.left === range.right) continue;
      const header = resolveHeader(range, merges, text, hasHeader);
      const rowCount = Math.max(0, bottom - headerRow.row + 1 - header.height);
      scored.push({
        candidate: {
          sheet,
          range: formatRange(range),
          headerRow: hasHeader ? headerRow.row : 0,
          columns: header.columns.map((column) => column.name ?? ''),
          rowCount,
          notes: [
            ...(skippedTitle.length > 0 ? [titleNote(skippedTitle)] : []),
            ...header.notes,
            ...(rowCount === 0 ? ['no data rows below the header'] : []),
            ...header.problems.map((problem) => problem.message),
          ],
        },
        clean: header.problems.length === 0 && rowCount > 0,
        order: scored.length,
      });
    }
  });
  const size = (candidate: TableCandidate) => candidate.rowCount * candidate.columns.length;
  return scored
    .sort(
      (a, b) =>
        Number(b.clean) - Number(a.clean) || size(b.candidate) - size(a.candidate) || a.order - b.order,
    )
    .map((entry) => entry.candidate);
}

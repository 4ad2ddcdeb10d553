import type { ReadProblem } from '@spice/domain';
import { cellRef, columnLetters, formatRange, type CellRange } from './spreadsheet-a1';
import { columnNameProblems, type NamedColumn } from './parquet-column-names';

/** The text a cell shows, or null when it is blank. */
export type CellTextLookup = (row: number, column: number) => string | null;

export interface ResolvedHeader {
  /** Rows the header takes at the top of the range: 0 without a header, 2 for a merged two-row header. */
  readonly height: number;
  /** One per column of the range. */
  readonly columns: readonly NamedColumn[];
  readonly notes: readonly string[];
  /** Merged header cells that cannot be resolved, empty and duplicate names. */
  readonly problems: readonly ReadProblem[];
}

const quoted = (text: string | null) => `"${text ?? ''}"`;
const touchesColumns = (merge: CellRange, range: CellRange) =>
  merge.left <= range.right && merge.right >= range.left;
const spansColumns = (merge: CellRange) => merge.right > merge.left;

/** Merged ranges that begin on the header row of the range. */
const headerMerges = (range: CellRange, merges: readonly CellRange[]) =>
  merges.filter((merge) => merge.top === range.top && touchesColumns(merge, range));

/**
 * How many rows the header takes. A header cell merged across several columns ("2024" over B4:C4) is a group
 * whose columns are named by the row below it, so the header is two rows tall; cells merged down over both
 * rows ("Region" in A4:A5) belong to both. Known from the merged ranges alone, before any row is read.
 */
export function headerHeight(range: CellRange, merges: readonly CellRange[]): number {
  const ownMerges = headerMerges(range, merges);
  const tallest = Math.max(1, ...ownMerges.map((merge) => merge.bottom - range.top + 1));
  const height = ownMerges.some(spansColumns) ? Math.max(2, tallest) : tallest;
  return Math.min(height, range.bottom - range.top + 1);
}

function mergeAt(merges: readonly CellRange[], row: number, column: number): CellRange | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right);
}

/**
 * Names the columns of a range from its header row (or rows). Nothing is renamed: a column the header cannot
 * name is a problem naming its cells.
 */
export function resolveHeader(
  range: CellRange,
  merges: readonly CellRange[],
  text: CellTextLookup,
  hasHeader = true,
): ResolvedHeader {
  const columnsOfRange = Array.from(
    { length: range.right - range.left + 1 },
    (_, index) => range.left + index,
  );
  if (!hasHeader) {
    return {
      height: 0,
      columns: columnsOfRange.map((column) => ({
        name: columnLetters(column),
        source: columnLetters(column),
      })),
      notes: ['no header row: columns are named by their letters'],
      problems: [],
    };
  }
  const top = range.top;
  const problems: ReadProblem[] = [];
  const notes: string[] = [];

  // A range that starts inside a merged block would read half of it as a header.
  for (const merge of merges) {
    if (merge.top < top && merge.bottom >= top && touchesColumns(merge, range)) {
      problems.push({
        rule: 'merged-header',
        line: top,
        column: cellRef(top, Math.max(merge.left, range.left)),
        message:
          `The range starts at row ${top}, inside the merged cells ${formatRange(merge)}; ` +
          `start the range at row ${merge.top} so the merged header is read whole.`,
      });
    }
  }

  const height = headerHeight(range, merges);
  if (problems.length > 0) return { height, columns: [], notes, problems };
  if (height > 2) {
    const tall = headerMerges(range, merges).filter((merge) => merge.bottom - top + 1 > 2);
    for (const merge of tall) {
      problems.push({
        rule: 'merged-header',
        line: top,
        column: cellRef(top, merge.left),
        message:
          `The header cells ${formatRange(merge)} are merged over ${merge.bottom - top + 1} rows; ` +
          'only headers of one or two rows can be read. Unmerge them, or choose a range that starts at the last header row.',
      });
    }
    return { height, columns: [], notes, problems };
  }

  let columns: NamedColumn[];
  // Columns already reported as unnamed by a merged-header problem are not reported again as empty.
  const reported = new Set<string>();
  if (height === 1) {
    columns = columnsOfRange.map((column) => ({ name: text(top, column), source: cellRef(top, column) }));
  } else {
    const sub = top + 1;
    const joined: string[] = [];
    const unnamed = new Map<CellRange, number[]>();
    columns = columnsOfRange.map((column) => {
      const merge = mergeAt(merges, top, column);
      if (merge && merge.top === top && spansColumns(merge) && merge.bottom === top) {
        const parent = text(top, merge.left);
        const child = text(sub, column);
        if (child === null) {
          unnamed.set(merge, [...(unnamed.get(merge) ?? []), column]);
          reported.add(cellRef(sub, column));
          return { name: null, source: cellRef(sub, column) };
        }
        const name = parent === null ? child : `${parent} ${child}`;
        joined.push(name);
        return { name, source: `${formatRange(merge)} + ${cellRef(sub, column)}` };
      }
      if (merge && merge.top === top && merge.bottom >= sub) {
        return { name: text(top, merge.left), source: formatRange(merge) };
      }
      const upper = text(top, column);
      const lower = text(sub, column);
      const name = upper !== null && lower !== null ? `${upper} ${lower}` : (upper ?? lower);
      return { name, source: `${cellRef(top, column)}:${cellRef(sub, column)}` };
    });
    for (const [merge, missing] of unnamed) {
      const cells = missing.map((column) => cellRef(sub, column));
      problems.push({
        rule: 'merged-header',
        line: sub,
        column: cellRef(top, merge.left),
        message:
          `The merged header cell ${formatRange(merge)} (${quoted(text(top, merge.left))}) spans ` +
          `${merge.right - merge.left + 1} columns, but ${cells.length === 1 ? 'the cell' : 'the cells'} below it ` +
          `(${cells.join(', ')}) ${cells.length === 1 ? 'is' : 'are'} empty, so ` +
          `${cells.length === 1 ? 'that column has' : 'those columns have'} no name. ` +
          `Name ${cells.length === 1 ? 'it' : 'them'} in row ${sub}, or unmerge ${formatRange(merge)}.`,
      });
    }
    notes.push(
      joined.length > 0
        ? `header spans rows ${top}–${sub}; merged header cells joined with the row below: ${joined.map((name) => quoted(name)).join(', ')}`
        : `header spans rows ${top}–${sub}`,
    );
  }

  problems.push(
    ...columnNameProblems(
      columns.filter((column) => !reported.has(column.source)),
      {
        line: top,
        empty: (column) =>
          `${column.source.includes(':') ? `The header cells ${column.source} are` : `The header cell ${column.source} is`} ` +
          'empty; every column of the range needs a name. ' +
          'Give it one in the file, or choose a range without that column.',
        duplicate: (first, again) =>
          `The header cells ${first.source} and ${again.source} are both named ${quoted(again.name)}` +
          (first.name === again.name ? '' : ` (names are compared without case: ${quoted(first.name)})`) +
          '; column names must be unique. Rename one of them in the file, or choose another range.',
      },
    ),
  );
  return { height, columns, notes, problems };
}

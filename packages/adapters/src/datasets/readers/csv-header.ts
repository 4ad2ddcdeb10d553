import type { ReadProblem } from '@spice/domain';

export type Cell = string | null;

const NUMBER_LIKE = /^[-+]?[\d.,]+%?$/u;
const isBlank = (cell: Cell) => cell === null || cell.trim() === '';

/**
 * A second opinion when DuckDB's sniffer says there is no header. The sniffer calls the first row a header only
 * when one of its cells fails the type of the column below it; an empty header cell over a numeric column fails
 * nothing (empty is null), so `,name` over `1,a` is taken for data. We call the first row a header when none of
 * its cells looks like a number and some column that is never empty below it is empty in the first row.
 */
export function firstRowLooksLikeHeader(
  first: readonly Cell[],
  below: readonly (readonly Cell[])[],
): boolean {
  if (below.length === 0) return false;
  if (first.some((cell) => cell !== null && NUMBER_LIKE.test(cell.trim()))) return false;
  return first.some((cell, column) => isBlank(cell) && below.every((row) => !isBlank(row[column] ?? null)));
}

/** Names for the columns of a file without a header row: column1, column2, … as a spreadsheet user counts. */
export const positionalNames = (count: number) => Array.from({ length: count }, (_, i) => `column${i + 1}`);

/**
 * Header names become the Parquet columns' names, so each must be present and unique regardless of case (DuckDB
 * and Spark resolve names case-insensitively: `Amount` and `amount` would be one column downstream). A bad name
 * is a problem for the user to fix, never renamed behind their back.
 */
export function headerProblems(names: readonly Cell[], headerLine: number): ReadProblem[] {
  const problems: ReadProblem[] = [];
  const firstByKey = new Map<string, { column: number; name: string }>();
  names.forEach((name, index) => {
    const column = index + 1;
    if (name === null || name.trim() === '') {
      problems.push({
        rule: 'empty-header',
        line: headerLine,
        column,
        message: `Column ${column} has no name in the header (line ${headerLine}). Name it, or read the file as having no header row.`,
      });
      return;
    }
    const earlier = firstByKey.get(name.toLowerCase());
    if (earlier === undefined) {
      firstByKey.set(name.toLowerCase(), { column, name });
      return;
    }
    const same =
      earlier.name === name
        ? `both named "${name}"`
        : `named "${earlier.name}" and "${name}", which differ only in case`;
    problems.push({
      rule: 'duplicate-header',
      line: headerLine,
      column,
      message: `Columns ${earlier.column} and ${column} are ${same} in the header (line ${headerLine}); column names must be unique.`,
    });
  });
  return problems;
}

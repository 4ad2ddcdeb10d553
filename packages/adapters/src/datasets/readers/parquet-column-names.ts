import type { ReadProblem } from '@spice/domain';

/** Where a column's name came from, to name it in a problem: a header cell such as `C4`, or a JSON key path. */
export interface NamedColumn {
  readonly name: string | null;
  readonly source: string;
}

/**
 * The text Parquet needs every column named, and named uniquely regardless of case: DuckDB and Spark resolve
 * column names case-insensitively, so `Amount` and `amount` would be one column to every query downstream.
 * A bad name is reported, never renamed, so the user decides what the column is called.
 */
export function columnNameProblems(
  columns: readonly NamedColumn[],
  describe: {
    readonly line?: number;
    readonly empty: (column: NamedColumn) => string;
    readonly duplicate: (first: NamedColumn, again: NamedColumn) => string;
  },
): ReadProblem[] {
  const problems: ReadProblem[] = [];
  const seen = new Map<string, NamedColumn>();
  const at = describe.line === undefined ? {} : { line: describe.line };
  for (const column of columns) {
    if (column.name === null || column.name.trim() === '') {
      problems.push({ rule: 'empty-header', ...at, column: column.source, message: describe.empty(column) });
      continue;
    }
    const key = column.name.toLowerCase();
    const first = seen.get(key);
    if (first) {
      problems.push({
        rule: 'duplicate-header',
        ...at,
        column: column.source,
        message: describe.duplicate(first, column),
      });
    } else {
      seen.set(key, column);
    }
  }
  return problems;
}

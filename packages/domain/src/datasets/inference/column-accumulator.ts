import { decideColumn } from './column-decision';
import { ColumnStats } from './column-stats';
import { resolveOptions, type ResolvedOptions } from './inference-options';
import type { ColumnProposal, InferenceOptions, TableProposal } from './inference.types';

/**
 * One column's inference, fed value by value in a single pass. Memory stays bounded whatever the row count, so a
 * 1M-row upload is inferred from all of its rows rather than a sample.
 */
export interface ColumnAccumulator {
  /** The cell's exact text, or null for a missing cell. */
  add(text: string | null): void;
  /** The proposal for the values added so far; adding more afterwards and concluding again is allowed. */
  conclude(): ColumnProposal;
}

const accumulator = (column: string, options: ResolvedOptions): ColumnAccumulator => {
  const stats = new ColumnStats(column, options);
  return { add: (text) => stats.add(text), conclude: () => decideColumn(stats) };
};

export const createColumnAccumulator = (column: string, options?: InferenceOptions): ColumnAccumulator =>
  accumulator(column, resolveOptions(options));

export function inferColumn(
  column: string,
  values: Iterable<string | null>,
  options?: InferenceOptions,
): ColumnProposal {
  const acc = createColumnAccumulator(column, options);
  for (const v of values) acc.add(v);
  return acc.conclude();
}

export interface TableInference {
  /** One row's cells in column order; a short row's missing cells are null. */
  addRow(row: readonly (string | null)[]): void;
  conclude(): TableProposal;
}

export function createTableInference(columns: readonly string[], options?: InferenceOptions): TableInference {
  const resolved = resolveOptions(options);
  const accumulators = columns.map((c) => accumulator(c, resolved));
  let rowCount = 0;
  return {
    addRow(row) {
      rowCount++;
      for (let i = 0; i < accumulators.length; i++) accumulators[i]!.add(row[i] ?? null);
    },
    conclude: () => ({ rowCount, columns: accumulators.map((a) => a.conclude()) }),
  };
}

export function inferTable(
  columns: readonly string[],
  rows: Iterable<readonly (string | null)[]>,
  options?: InferenceOptions,
): TableProposal {
  const table = createTableInference(columns, options);
  for (const row of rows) table.addRow(row);
  return table.conclude();
}

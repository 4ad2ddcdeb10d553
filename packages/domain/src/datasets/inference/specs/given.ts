import { inferColumn } from '../column-accumulator';
import type { ColumnProposal, InferenceOptions } from '../inference.types';

/** `values` repeated until there are `count` of them: enough rows that the sample size lowers no confidence. */
export const repeated = (values: readonly (string | null)[], count = 40): (string | null)[] =>
  Array.from({ length: count }, (_, i) => values[i % values.length]!);

/** Given a column's values, when inferred: the proposal. */
export const given = (column: string, values: readonly (string | null)[], options?: InferenceOptions) => ({
  whenInferred: (): ColumnProposal => inferColumn(column, values, options),
});

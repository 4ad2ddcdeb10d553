import type { HealthCheckable } from '../../shared/health';
import type { ColumnStats, DatasetColumn } from './dataset-schema';

/**
 * The data work on a dataset's Parquet files (local paths: the object store's files are fetched into a local
 * cache first). DuckDB implements it on both stacks: ingest and preview are single-file work that an embedded
 * engine does faster than a Spark job could start.
 */

/** A value that did not cast to its column's type: the data row (1-based, header excluded), column and text. */
export interface CastProblem {
  readonly rule: 'bad-value';
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

export interface CastResult {
  readonly rowCount: number;
  readonly skippedRows: number;
  /** At most `maxProblems`, in row order; `problemCount` counts them all. */
  readonly problems: readonly CastProblem[];
  readonly problemCount: number;
}

/** What a read may see of a dataset: the policy seam's decision (see access/read-policy.ts). */
export interface ReadRestriction {
  /** Columns the reader may not see: left out of the result. */
  readonly hiddenColumns: readonly string[];
  /** Columns shown masked: every value replaced by the mask text. */
  readonly maskedColumns: readonly { readonly column: string; readonly mask: string }[];
}

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
  /** Sort by one column; default: file order. */
  readonly sort?: { readonly column: string; readonly direction: 'asc' | 'desc' };
  readonly restriction: ReadRestriction;
}

export interface Page {
  readonly columns: readonly string[];
  /** JSON-safe values: bigint and decimals as strings, dates and timestamps as ISO text. */
  readonly rows: readonly (readonly unknown[])[];
  readonly totalRows: number;
}

export interface RowDiff {
  /** Rows compared by the key columns when a key is known, or as whole rows (a multiset) otherwise. */
  readonly comparedBy: readonly string[] | 'whole-row';
  readonly added: number;
  readonly removed: number;
  /** Key match with other values (only with a key). */
  readonly changed: number;
  readonly unchanged: number;
  /** Up to `sampleSize` examples of each, as rows over the union of the two schemas' common columns. */
  readonly samples: {
    readonly added: readonly Record<string, unknown>[];
    readonly removed: readonly Record<string, unknown>[];
    readonly changed: readonly { readonly key: Record<string, unknown>; readonly before: Record<string, unknown>; readonly after: Record<string, unknown> }[];
  };
}

export interface DatasetEngine extends HealthCheckable {
  /**
   * Casts a Parquet file of text columns (the reader's output) to `schema`, writing typed Parquet at `output`.
   * badValues 'fail': any value that does not cast fails the whole cast (nothing left at output) and the
   * result lists the problems; 'skip': rows with such values are left out and listed.
   */
  cast(input: string, schema: readonly DatasetColumn[], output: string, options: { readonly badValues: 'fail' | 'skip'; readonly maxProblems: number }): Promise<CastResult>;
  /** Column statistics of a typed Parquet file. */
  profile(file: string, schema: readonly DatasetColumn[]): Promise<ColumnStats[]>;
  /** A sample of the text columns for type inference: the first rows plus a reservoir over the rest. */
  sampleText(file: string, rows: number): Promise<{ readonly columns: readonly string[]; readonly rows: readonly (readonly (string | null)[])[] }>;
  page(file: string, request: PageRequest): Promise<Page>;
  diff(before: string, after: string, options: { readonly key: readonly string[] | null; readonly sampleSize: number; readonly restriction: ReadRestriction }): Promise<RowDiff>;
}

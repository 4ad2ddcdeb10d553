import type { HealthCheckable } from '../shared/health';

export interface ColumnSchema {
  readonly name: string;
  /** Engine-neutral type name: string, integer, long, double, decimal(p,s), boolean, date, timestamp, other. */
  readonly type: string;
}

export interface QueryJob {
  /** SQL over the input table names. Generated from an AST upstream; never user text. */
  readonly sql: string;
  /** Table name -> absolute path of a Parquet file (or directory of Parquet parts). */
  readonly inputs: Readonly<Record<string, string>>;
  /** Absolute path where the result is written as Parquet; when absent, rows are returned. */
  readonly outputPath?: string;
  /** Return at most this many rows (when no outputPath). Default 1000. */
  readonly rowLimit?: number;
}

export interface QueryResult {
  readonly rowCount: number;
  readonly schema: readonly ColumnSchema[];
  /** Present when no outputPath was given; values are JSON-safe (bigint -> string, dates -> ISO). */
  readonly rows?: readonly Record<string, unknown>[];
}

/** Runs SQL over Parquet. Implementations: DuckDB (embedded) and Spark via spark-submit (real). */
export interface QueryEngine extends HealthCheckable {
  run(job: QueryJob): Promise<QueryResult>;
  close(): Promise<void>;
}

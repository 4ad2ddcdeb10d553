import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlLiteral, isDomainError, type ReadProblem } from '@spice/domain';

export interface TextParquet {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly Record<string, string | null>[];
}

/** Reads a Parquet file back with DuckDB: its column types and its rows, every value as it was stored. */
export async function readTextParquet(path: string): Promise<TextParquet> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const described = await connection.runAndReadAll(
      `DESCRIBE SELECT * FROM read_parquet(${sqlLiteral(path)})`,
    );
    const rows = await connection.runAndReadAll(`SELECT * FROM read_parquet(${sqlLiteral(path)})`);
    return {
      columns: described
        .getRowObjectsJson()
        .map((row) => ({ name: String(row.column_name), type: String(row.column_type) })),
      rows: rows.getRowObjectsJson() as Record<string, string | null>[],
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The problems of the DATASET.BAD_INPUT error a read must fail with. */
export async function badInputProblems(reading: Promise<unknown>): Promise<readonly ReadProblem[]> {
  let failure: unknown;
  try {
    await reading;
  } catch (error) {
    failure = error;
  }
  if (!isDomainError(failure))
    throw new Error(`expected DATASET.BAD_INPUT, got ${String(failure ?? 'success')}`);
  if (failure.code !== 'DATASET.BAD_INPUT' || failure.kind !== 'invalid') {
    throw new Error(
      `expected DATASET.BAD_INPUT (invalid), got ${failure.code} (${failure.kind}): ${failure.message}`,
    );
  }
  return failure.context.problems as ReadProblem[];
}

export interface ScratchFolder {
  readonly path: (name: string) => string;
  cleanup(): Promise<void>;
}

export async function scratchFolder(): Promise<ScratchFolder> {
  const folder = await mkdtemp(join(tmpdir(), 'spice-readers-'));
  return { path: (name) => join(folder, name), cleanup: () => rm(folder, { recursive: true, force: true }) };
}

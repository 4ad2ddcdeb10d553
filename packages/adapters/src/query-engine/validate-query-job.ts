import { stat } from 'node:fs/promises';
import { isAbsolute, normalize } from 'node:path';
import { DomainError, invalid, type QueryJob } from '@spice/domain';

/** A QueryJob both engines can run: table names safe to quote, absolute paths, inputs that exist. */
export interface ValidatedQueryJob {
  readonly sql: string;
  readonly inputs: readonly {
    readonly table: string;
    readonly path: string;
    readonly isDirectory: boolean;
  }[];
  readonly outputPath?: string;
  readonly rowLimit: number;
}

export const DEFAULT_ROW_LIMIT = 1000;
const TABLE_NAME = /^[a-z_][a-z0-9_]*$/i;
// Paths reach DuckDB's read_parquet, which would expand these as a glob.
const GLOB_CHARACTERS = /[*?[\]{}]/;

function checkPath(what: string, path: string): string {
  if (!isAbsolute(path) || path.includes('\0') || GLOB_CHARACTERS.test(path)) {
    throw invalid(
      'QUERY.INVALID_JOB',
      `${what} must be an absolute path without glob characters: ${JSON.stringify(path)}`,
    );
  }
  return normalize(path);
}

export async function validateQueryJob(job: QueryJob): Promise<ValidatedQueryJob> {
  const rowLimit = job.rowLimit ?? DEFAULT_ROW_LIMIT;
  if (!Number.isSafeInteger(rowLimit) || rowLimit < 0) {
    throw invalid('QUERY.INVALID_JOB', `rowLimit must be a non-negative integer, got ${rowLimit}`);
  }
  if (job.sql.trim() === '') throw invalid('QUERY.INVALID_SQL', 'the query is empty');

  const inputs = await Promise.all(
    Object.entries(job.inputs).map(async ([table, rawPath]) => {
      if (!TABLE_NAME.test(table)) {
        throw invalid(
          'QUERY.INVALID_JOB',
          `input table name ${JSON.stringify(table)} must match ${TABLE_NAME}`,
        );
      }
      const path = checkPath(`input ${table}`, rawPath);
      const found = await stat(path).catch((cause: unknown) => {
        throw new DomainError({
          code: 'QUERY.INPUT_NOT_FOUND',
          kind: 'not_found',
          message: `input ${table}: no file or directory at ${path}`,
          context: { table, path },
          cause,
        });
      });
      return { table, path, isDirectory: found.isDirectory() };
    }),
  );

  if (job.outputPath === undefined) return { sql: job.sql, inputs, rowLimit };
  const outputPath = checkPath('outputPath', job.outputPath);
  if (inputs.some((input) => input.path === outputPath)) {
    throw invalid(
      'QUERY.INVALID_JOB',
      `outputPath ${outputPath} is also an input; a job cannot overwrite what it reads`,
    );
  }
  return { sql: job.sql, inputs, outputPath, rowLimit };
}

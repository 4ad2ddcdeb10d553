import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBConnection, DuckDBInstance, StatementType, type DuckDBResultReader } from '@duckdb/node-api';
import { sqlLiteral, DomainError, invalid, type ColumnSchema, type ComponentHealth, type QueryEngine, type QueryJob, type QueryResult } from '@spice/domain';
import { validateQueryJob, type ValidatedQueryJob } from '../query-engine/validate-query-job';
import { neutralTypeName, serialiseValue } from './duckdb-result-values';

// DuckDB cannot bind parameters inside read_parquet() of a view definition, so paths go in as string literals.
// Only ever called with names validated against /^[a-z_][a-z0-9_]*$/i.
const quoteIdentifier = (name: string) => `"${name}"`;

// Errors that say the engine or the machine failed rather than the query; everything else blames the SQL.
const ENGINE_FAILURE = /^(IO|Out of Memory|INTERNAL|FATAL|Interrupt) Error/;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function queryError(error: unknown, sql: string): DomainError {
  const message = messageOf(error);
  if (ENGINE_FAILURE.test(message)) {
    return new DomainError({
      code: 'QUERY.ENGINE_FAILED',
      kind: 'unavailable',
      message,
      context: { sql },
      cause: error,
    });
  }
  return invalid('QUERY.INVALID_SQL', message, [], { sql });
}

function schemaOf(reader: DuckDBResultReader): ColumnSchema[] {
  return reader.columnTypes().map((type, i) => ({ name: reader.columnName(i), type: neutralTypeName(type) }));
}

/**
 * The embedded QueryEngine: an in-memory DuckDB. Each job gets its own connection and connection-local TEMP
 * views, so concurrent jobs never see each other's tables. With an outputPath the result is written as one
 * Parquet file (replacing any file there) and the schema reported is the one read back from that file.
 */
export class DuckDbQueryEngine implements QueryEngine {
  private instance: Promise<DuckDBInstance> | undefined;

  async run(job: QueryJob): Promise<QueryResult> {
    const validated = await validateQueryJob(job);
    const connection = await this.connect();
    try {
      await registerInputs(connection, validated);
      await checkSingleSelect(connection, validated.sql);
      return validated.outputPath === undefined
        ? await readRows(connection, validated.sql, validated.rowLimit)
        : await writeParquet(connection, validated.sql, validated.outputPath);
    } finally {
      connection.closeSync();
    }
  }

  async health(): Promise<ComponentHealth> {
    const base = { component: 'query engine', adapter: 'duckdb', mode: 'embedded' } as const;
    try {
      const connection = await this.connect();
      try {
        const reader = await connection.runAndReadAll('SELECT version() AS version');
        return { ...base, up: true, detail: `DuckDB ${String(reader.getRows()[0]?.[0])}` };
      } finally {
        connection.closeSync();
      }
    } catch (error) {
      return { ...base, up: false, detail: messageOf(error) };
    }
  }

  async close(): Promise<void> {
    const instance = this.instance;
    this.instance = undefined;
    if (instance) (await instance).closeSync();
  }

  private async connect(): Promise<DuckDBConnection> {
    this.instance ??= DuckDBInstance.create(':memory:');
    return (await this.instance).connect();
  }
}

async function registerInputs(connection: DuckDBConnection, job: ValidatedQueryJob): Promise<void> {
  for (const { table, path, isDirectory } of job.inputs) {
    const files = isDirectory ? `${path}/**/*.parquet` : path;
    try {
      await connection.run(
        `CREATE TEMP VIEW ${quoteIdentifier(table)} AS SELECT * FROM read_parquet(${sqlLiteral(files)})`,
      );
    } catch (cause) {
      throw new DomainError({
        code: 'QUERY.INPUT_UNREADABLE',
        kind: 'invalid',
        message: `input ${table} (${path}) is not readable as Parquet: ${messageOf(cause)}`,
        context: { table, path },
        cause,
      });
    }
  }
}

/** Binding the statement up front rejects bad SQL, and anything but one SELECT, before any work is done. */
async function checkSingleSelect(connection: DuckDBConnection, sql: string): Promise<void> {
  let statementType: StatementType;
  try {
    const statements = await connection.extractStatements(sql);
    if (statements.count !== 1) {
      throw invalid('QUERY.INVALID_SQL', `expected exactly one statement, got ${statements.count}`, [], {
        sql,
      });
    }
    const prepared = await statements.prepare(0);
    statementType = prepared.statementType;
    prepared.destroySync();
  } catch (error) {
    throw error instanceof DomainError ? error : invalid('QUERY.INVALID_SQL', messageOf(error), [], { sql });
  }
  if (statementType !== StatementType.SELECT) {
    throw invalid('QUERY.INVALID_SQL', 'only a single SELECT query can be run', [], { sql });
  }
}

async function readRows(connection: DuckDBConnection, sql: string, rowLimit: number): Promise<QueryResult> {
  let reader: DuckDBResultReader;
  try {
    reader = await connection.streamAndReadUntil(sql, rowLimit);
  } catch (error) {
    throw queryError(error, sql);
  }
  const schema = schemaOf(reader);
  const types = reader.columnTypes();
  const rows = reader
    .getRows()
    .slice(0, rowLimit)
    .map((values) =>
      Object.fromEntries(values.map((value, i) => [schema[i]!.name, serialiseValue(types[i]!, value)])),
    );
  return { rowCount: rows.length, schema, rows };
}

async function writeParquet(
  connection: DuckDBConnection,
  sql: string,
  outputPath: string,
): Promise<QueryResult> {
  await mkdir(dirname(outputPath), { recursive: true });
  let rowCount: number;
  try {
    const copied = await connection.run(`COPY (${sql}) TO ${sqlLiteral(outputPath)} (FORMAT parquet)`);
    rowCount = copied.rowsChanged;
  } catch (error) {
    throw queryError(error, sql);
  }
  const written = await connection.runAndReadAll(
    `SELECT * FROM read_parquet(${sqlLiteral(outputPath)}) LIMIT 0`,
  );
  return { rowCount, schema: schemaOf(written) };
}

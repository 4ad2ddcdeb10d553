import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { DetectedLayout, ReadOptions, ReadResult, TableCandidate } from '@spice/domain';
import { columnNameProblems } from './parquet-column-names';
import { badInput, messageOf } from './parquet-read-report';
import { sqlLiteral, sqlIdentifier } from '@spice/domain';

/*
 * Parquet files. Every column becomes text with DuckDB's cast to VARCHAR (numbers as DuckDB prints them,
 * DECIMAL with its scale, dates `2024-03-01`, timestamps `2024-03-01 14:30:00`, with time zone in UTC
 * `…+00` — the bundled DuckDB has no ICU extension, so it knows no other zone to print in); nested columns (LIST, STRUCT, MAP, ARRAY, UNION) become JSON text, as nested JSON values do. Nulls
 * stay null. The types the file declared are returned as `sourceTypes`, so inference need not guess them.
 */

interface ParquetColumn {
  readonly name: string;
  readonly type: string;
}

const NESTED_TYPE = /^(STRUCT|MAP|UNION)\(|\[\d*\]$/;

async function withDuckDb<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '256MB' });
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * DuckDB's first message line, without its error class and without the temporary path of the upload, which
 * mean nothing to the user (the lines after it repeat the SQL).
 */
const unreadable = (filePath: string, error: unknown) => {
  const detail = (messageOf(error).split('\n')[0] ?? '')
    .replace(/^[A-Za-z ]+ Error: /, '')
    .replaceAll(` '${filePath}'`, '')
    .replaceAll(filePath, 'the file')
    .replace(/\.?$/, '.');
  return badInput([{ rule: 'corrupt-file', message: `The file is not a readable Parquet file: ${detail}` }]);
};

/**
 * The names as the file stores them. DuckDB renames a column whose name repeats another apart from case
 * (`A` next to `a` becomes `A_1`); that is reported as a duplicate instead, like any other source's.
 */
async function storedTopLevelNames(connection: DuckDBConnection, filePath: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    `SELECT name, num_children FROM parquet_schema(${sqlLiteral(filePath)})`,
  );
  const rows = reader
    .getRows()
    .map(([name, children]) => ({ name: String(name), children: Number(children ?? 0) }));
  const names: string[] = [];
  // The rows are the schema tree depth first; the first is the root, whose children are the columns.
  let index = 1;
  const skipSubtree = (): void => {
    const node = rows[index];
    index += 1;
    for (let child = 0; child < (node?.children ?? 0); child += 1) skipSubtree();
  };
  for (let column = 0; column < (rows[0]?.children ?? 0); column += 1) {
    names.push(rows[index]!.name);
    skipSubtree();
  }
  return names;
}

async function describeFile(connection: DuckDBConnection, filePath: string) {
  if ((await stat(filePath)).size === 0) {
    throw badInput([{ rule: 'empty-file', message: 'The file is empty (0 bytes).' }]);
  }
  try {
    const described = await connection.runAndReadAll(
      `DESCRIBE SELECT * FROM read_parquet(${sqlLiteral(filePath)})`,
    );
    const columns: ParquetColumn[] = described
      .getRowObjectsJson()
      .map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
    const counted = await connection.runAndReadAll(
      `SELECT count(*) FROM read_parquet(${sqlLiteral(filePath)})`,
    );
    const rowCount = Number(counted.getRows()[0]?.[0] ?? 0);
    const storedNames = await storedTopLevelNames(connection, filePath);
    return { columns, rowCount, storedNames };
  } catch (error) {
    throw unreadable(filePath, error);
  }
}

function checkNames(storedNames: readonly string[]): void {
  const problems = columnNameProblems(
    storedNames.map((name, index) => ({ name, source: String(index + 1) })),
    {
      empty: (column) =>
        `Column ${column.source} of the Parquet file has an empty name; every column needs a name.`,
      duplicate: (first, again) =>
        `Columns ${first.source} and ${again.source} of the Parquet file are named "${first.name}" and "${again.name}", ` +
        'which are the same name apart from case; column names must be unique.',
    },
  );
  if (problems.length > 0) throw badInput(problems);
}

const candidateOf = (columns: readonly ParquetColumn[], rowCount: number): TableCandidate => ({
  sheet: '',
  range: '',
  headerRow: 0,
  columns: columns.map((column) => column.name),
  rowCount,
  notes: [`Parquet types: ${columns.map((column) => `${column.name} ${column.type}`).join(', ')}`],
});

const layoutOf = (candidate: TableCandidate): DetectedLayout => ({
  format: 'parquet',
  encoding: null,
  hadByteOrderMark: false,
  delimiter: null,
  quote: null,
  hasHeader: true,
  sheets: [],
  tableCandidates: [candidate],
});

/** The file's columns, their types (in the candidate's notes) and its row count, from the Parquet footer. */
export async function detectParquet(
  filePath: string,
  _options: Partial<ReadOptions> = {},
): Promise<DetectedLayout> {
  return withDuckDb(async (connection) => {
    const { columns, rowCount } = await describeFile(connection, filePath);
    return layoutOf(candidateOf(columns, rowCount));
  });
}

const textExpression = (column: ParquetColumn) =>
  NESTED_TYPE.test(column.type)
    ? `CAST(to_json(${sqlIdentifier(column.name)}) AS VARCHAR) AS ${sqlIdentifier(column.name)}`
    : `CAST(${sqlIdentifier(column.name)} AS VARCHAR) AS ${sqlIdentifier(column.name)}`;

/** Copies the file into a Parquet file of text columns, DuckDB streaming it row group by row group. */
export async function readParquet(
  filePath: string,
  _options: ReadOptions,
  outputPath: string,
): Promise<ReadResult> {
  return withDuckDb(async (connection) => {
    const { columns, rowCount: declared, storedNames } = await describeFile(connection, filePath);
    checkNames(storedNames);
    if (columns.length === 0)
      throw badInput([{ rule: 'no-columns', message: 'The Parquet file has no columns.' }]);
    await mkdir(dirname(outputPath), { recursive: true });
    const partial = `${outputPath}.partial`;
    let rowCount: number;
    try {
      const copied = await connection.run(
        `COPY (SELECT ${columns.map(textExpression).join(', ')} FROM read_parquet(${sqlLiteral(filePath)})) ` +
          `TO ${sqlLiteral(partial)} (FORMAT parquet, COMPRESSION zstd)`,
      );
      rowCount = Number(copied.rowsChanged);
      await rename(partial, outputPath);
    } catch (error) {
      await rm(partial, { force: true });
      throw unreadable(filePath, error);
    }
    const table = { ...candidateOf(columns, declared), rowCount };
    return {
      layout: layoutOf(table),
      columns: columns.map((column) => column.name),
      rowCount,
      skippedRows: 0,
      problems: [],
      table,
      sourceTypes: Object.fromEntries(columns.map((column) => [column.name, column.type])),
    };
  });
}

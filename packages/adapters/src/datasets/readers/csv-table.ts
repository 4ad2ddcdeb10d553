import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReadOptions } from '@spice/domain';
import { sniffDialect, type CsvDialect } from './csv-dialect';
import { firstRowLooksLikeHeader, headerProblems, positionalNames, type Cell } from './csv-header';
import { reportRejects } from './csv-rejects';
import type { CsvText } from './csv-source-text';
import { badInput } from './parquet-read-report';
import { sqlLiteral } from '@spice/domain';

export type DelimitedFormat = 'csv' | 'tsv';

/** How the file is cut into fields, whether its first row names the columns, and the columns' names. */
export interface CsvTable {
  readonly dialect: CsvDialect;
  readonly hasHeader: boolean;
  readonly columns: readonly string[];
}

/** How many rows after the first the header check looks at. */
const HEADER_SAMPLE_ROWS = 20;
const HEADER_REJECTS = 'header_rejects';

/** read_csv's arguments for a dialect with every column read as text under our names. */
export function csvArguments(
  dialect: CsvDialect,
  header: boolean,
  columns: readonly string[],
  maxLineBytes: number,
): string {
  const columnTypes = columns.map((name) => `${sqlLiteral(name)}: 'VARCHAR'`).join(', ');
  return [
    'auto_detect=false',
    `header=${header}`,
    `skip=${dialect.skipRows}`,
    `delim=${sqlLiteral(dialect.delimiter)}`,
    `quote=${sqlLiteral(dialect.quote)}`,
    `escape=${sqlLiteral(dialect.escape)}`,
    `columns={${columnTypes}}`,
    `comment=''`,
    `compression='none'`,
    `max_line_size=${maxLineBytes}`,
    // DuckDB's default buffer is 16 lines' worth (32 MB at 2 MB lines), several held at once: four keeps a read of
    // 1 GiB at ~130 MiB over the process instead of ~230, at the same speed.
    `buffer_size=${maxLineBytes * 4}`,
    // An empty field is a missing value (null); a quoted empty field ("") is an empty text.
    'allow_quoted_nulls=false',
  ].join(', ');
}

interface FirstRows {
  readonly rows: Cell[][];
  /** The first record could not be read (ragged, badly quoted, not valid text): it is not in `rows`. */
  readonly firstRejected: boolean;
}

/**
 * The first rows as the dialect cuts them, header included, without judging them yet. Bad rows are left out
 * (and noted in their own rejects table) so that one of them does not hide the rest of the sample.
 */
async function firstRows(
  connection: DuckDBConnection,
  path: string,
  dialect: CsvDialect,
  maxLineBytes: number,
): Promise<FirstRows> {
  const columns = positionalNames(dialect.columnCount);
  const reader = await connection.runAndReadAll(
    `SELECT * FROM read_csv(${sqlLiteral(path)}, ${csvArguments(dialect, false, columns, maxLineBytes)},
       store_rejects=true, rejects_table='${HEADER_REJECTS}', rejects_scan='${HEADER_REJECTS}_scans')
     LIMIT ${HEADER_SAMPLE_ROWS + 1}`,
  );
  // DuckDB numbers records from the top of the file, the skipped title lines included.
  const rejected = await connection.runAndReadAll(
    `SELECT count(*) FROM ${HEADER_REJECTS} WHERE line = ${dialect.skipRows + 1}`,
  );
  return {
    rows: reader.getRowsJS().map((row) => row.map((cell) => (cell === null ? null : String(cell)))),
    firstRejected: Number(rejected.getRows()[0]?.[0]) > 0,
  };
}

/** A header that cannot be read fails the read: its names would be guesses. */
async function unreadableHeader(
  connection: DuckDBConnection,
  text: CsvText,
  dialect: CsvDialect,
  maxLineBytes: number,
): Promise<never> {
  const report = await reportRejects(connection, HEADER_REJECTS, {
    path: text.path,
    transcodedFrom: text.transcodedFrom,
    columns: positionalNames(dialect.columnCount),
    hasHeader: false,
    quote: dialect.quote,
    maxLineBytes,
  });
  throw badInput(
    report.problems
      .slice(0, 1)
      .map((problem) => ({ ...problem, message: `The header cannot be read. ${problem.message}` })),
  );
}

/**
 * The dialect (DuckDB's sniffer, overridden by what the user set), whether there is a header (the sniffer, or
 * our second opinion when it says no), and the column names. Header names with problems fail the read whatever
 * the bad-row policy: they are never renamed.
 */
export async function resolveCsvTable(
  connection: DuckDBConnection,
  text: CsvText,
  format: DelimitedFormat,
  options: Partial<ReadOptions>,
  maxLineBytes: number,
): Promise<CsvTable> {
  const dialect = await sniffDialect(connection, text.path, {
    delimiter: options.delimiter ?? (format === 'tsv' ? '\t' : undefined),
    quote: options.quote,
    hasHeader: options.hasHeader,
  });
  const positional = { dialect, hasHeader: false, columns: positionalNames(dialect.columnCount) };
  const sample = await firstRows(connection, text.path, dialect, maxLineBytes);
  const saidHeader = options.hasHeader ?? dialect.hasHeader;
  if (sample.firstRejected) {
    return saidHeader ? unreadableHeader(connection, text, dialect, maxLineBytes) : positional;
  }
  const [first, ...below] = sample.rows;
  if (!first) {
    throw badInput([
      { rule: 'empty-file', message: 'The file has no data: it holds nothing but blank lines or spaces.' },
    ]);
  }
  const hasHeader = saidHeader || (options.hasHeader === undefined && firstRowLooksLikeHeader(first, below));
  if (!hasHeader) return positional;
  const problems = headerProblems(first, dialect.skipRows + 1);
  if (problems.length > 0) throw badInput(problems);
  return { dialect, hasHeader: true, columns: first.map(String) };
}

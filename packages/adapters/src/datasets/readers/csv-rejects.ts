import { open } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReadProblem } from '@spice/domain';
import { firstInvalidUtf8, physicalLines, recordStart, type InvalidUtf8 } from './line-locator';

/** A file with a million bad rows must not make a report of a million entries: the first ones locate the fault. */
const LISTED_PROBLEMS = 1_000;

/** What the report needs to know about the file DuckDB read and the table it was read into. */
export interface RejectContext {
  /** The UTF-8 file DuckDB read: the upload itself, or its transcoded copy. */
  readonly path: string;
  /** The upload's encoding when DuckDB read a transcoded copy (byte offsets are then not the upload's). */
  readonly transcodedFrom: string | null;
  readonly columns: readonly string[];
  readonly hasHeader: boolean;
  readonly quote: string;
  readonly maxLineBytes: number;
}

export interface RejectReport {
  readonly problems: ReadProblem[];
  /** Rows left out of the table (a row can have several problems). */
  readonly badRows: number;
}

/** One rejected row and one kind of error in it (DuckDB stores one entry per bad field). */
interface Reject {
  readonly errorType: string;
  readonly linePosition: number;
  readonly columnName: string | null;
  readonly fields: number | null;
  readonly errorMessage: string;
}

async function listRejects(connection: DuckDBConnection, table: string): Promise<Reject[]> {
  const reader = await connection.runAndReadAll(
    `SELECT error_type, min(line_byte_position) AS line_position,
            arg_min(column_name, column_idx) AS column_name,
            -- One entry per missing or extra field, each counting the fields found up to it.
            CASE WHEN error_type = 'MISSING COLUMNS' THEN min(found) ELSE max(found) END AS fields,
            any_value(error_message) AS error_message
     FROM (SELECT *, TRY_CAST(regexp_extract(error_message, 'Found: (\\d+)', 1) AS BIGINT) AS found FROM ${table})
     GROUP BY line, error_type ORDER BY line, error_type LIMIT ${LISTED_PROBLEMS}`,
  );
  return reader.getRowObjectsJson().map((row) => ({
    errorType: String(row.error_type),
    linePosition: Number(row.line_position),
    columnName: row.column_name === null ? null : String(row.column_name),
    fields: row.fields === null ? null : Number(row.fields),
    errorMessage: String(row.error_message),
  }));
}

async function countRejects(connection: DuckDBConnection, table: string) {
  const reader = await connection.runAndReadAll(
    `SELECT (SELECT count(DISTINCT line) FROM ${table}) AS rows,
            (SELECT count(*) FROM (SELECT DISTINCT line, error_type FROM ${table})) AS problems`,
  );
  const row = reader.getRowObjectsJson()[0]!;
  return { rows: Number(row.rows), problems: Number(row.problems) };
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const listOfColumns = (columns: readonly string[]) =>
  columns.length <= 10
    ? columns.join(', ')
    : `${columns.slice(0, 10).join(', ')}, … (${columns.length} in all)`;

function shapeOfTable(context: RejectContext): string {
  const count = context.columns.length;
  return context.hasHeader
    ? `the header has ${count} (columns ${listOfColumns(context.columns)})`
    : `the file has ${count} columns (${listOfColumns(context.columns)})`;
}

const sizeText = (bytes: number) =>
  bytes >= 2 ** 20 ? `${+(bytes / 2 ** 20).toFixed(1)} MiB` : `${+(bytes / 1024).toFixed(1)} KiB`;

const hex = (bytes: Buffer) =>
  [...bytes].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');

function columnOf(reject: Reject, context: RejectContext): { number: number; name: string } | null {
  const index = reject.columnName === null ? -1 : context.columns.indexOf(reject.columnName);
  if (index >= 0) return { number: index + 1, name: context.columns[index]! };
  return null;
}

interface Located {
  readonly line: number;
  readonly invalid: InvalidUtf8 | null;
}

function describe(reject: Reject, at: Located, context: RejectContext): ReadProblem {
  const { line } = at;
  const column = columnOf(reject, context);
  const where = column ? `Line ${line}, column ${column.number} (${column.name})` : `Line ${line}`;
  const columnField = column ? { column: column.name } : {};
  switch (reject.errorType) {
    case 'TOO MANY COLUMNS':
    case 'MISSING COLUMNS': {
      const fields = reject.fields === null ? 'a different number of fields' : plural(reject.fields, 'field');
      const tooMany = reject.errorType === 'TOO MANY COLUMNS';
      const firstMissing = context.columns[reject.fields ?? context.columns.length];
      return {
        rule: 'ragged-row',
        line,
        column: tooMany ? context.columns.length + 1 : (firstMissing ?? context.columns.length),
        message: `Line ${line} has ${fields}; ${shapeOfTable(context)}.`,
      };
    }
    case 'UNQUOTED VALUE':
      return {
        rule: 'unbalanced-quote',
        line,
        ...columnField,
        message: `${where}: a quoted value is not closed properly. A value that starts with ${context.quote} must end with ${context.quote} just before the next delimiter or line end; write ${context.quote}${context.quote} for a quote inside it.`,
      };
    case 'INVALID ENCODING': {
      if (context.transcodedFrom !== null) {
        return {
          rule: 'invalid-encoding',
          line,
          ...columnField,
          message: `${where} has bytes that are not valid ${context.transcodedFrom.toUpperCase()} text. Choose the file's encoding, or fix those bytes.`,
        };
      }
      const detail = at.invalid ? ` (${hex(at.invalid.bytes)} at byte offset ${at.invalid.offset})` : '';
      return {
        rule: 'invalid-encoding',
        line,
        ...columnField,
        message: `${where} has bytes that are not valid UTF-8${detail}. Choose the file's encoding (for example cp949 or windows-1252), or fix those bytes.`,
      };
    }
    case 'LINE SIZE OVER MAXIMUM':
      return {
        rule: 'line-too-long',
        line,
        message: `Line ${line} is longer than ${sizeText(context.maxLineBytes)}; most often a quote that is never closed makes one value run on over many lines.`,
      };
    default:
      return {
        rule: 'unreadable-row',
        line,
        ...columnField,
        message: `${where} cannot be read: ${reject.errorMessage}`,
      };
  }
}

/** Locates a reject at its physical line (and, for invalid UTF-8 in the upload itself, the exact byte). */
async function locate(rejects: readonly Reject[], context: RejectContext): Promise<Located[]> {
  const found: { offset: number; invalid: InvalidUtf8 | null }[] = [];
  const file = await open(context.path, 'r');
  try {
    for (const reject of rejects) {
      const start = await recordStart(file, reject.linePosition);
      const invalid = reject.errorType === 'INVALID ENCODING' ? await firstInvalidUtf8(file, start) : null;
      found.push({ offset: invalid?.offset ?? start, invalid });
    }
  } finally {
    await file.close();
  }
  const lines = await physicalLines(
    context.path,
    found.map((f) => f.offset),
  );
  return found.map(({ offset, invalid }) => ({ line: lines.get(offset)!, invalid }));
}

/**
 * The report of the rows DuckDB rejected (read_csv with store_rejects), one problem per row and kind of error,
 * in file order: the first LISTED_PROBLEMS are listed and the rest counted in a closing entry.
 */
export async function reportRejects(
  connection: DuckDBConnection,
  table: string,
  context: RejectContext,
): Promise<RejectReport> {
  const counts = await countRejects(connection, table);
  if (counts.rows === 0) return { problems: [], badRows: 0 };
  const rejects = await listRejects(connection, table);
  const located = await locate(rejects, context);
  const problems = rejects.map((reject, i) => describe(reject, located[i]!, context));
  const unlisted = counts.problems - problems.length;
  if (unlisted > 0) {
    problems.push({
      rule: 'more-problems',
      message: `${unlisted} more problems like the ones above are not listed.`,
    });
  }
  return { problems, badRows: counts.rows };
}

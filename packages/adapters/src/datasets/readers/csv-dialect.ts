import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlLiteral } from '@spice/domain';

/** How a delimited text file is cut into fields, as far as DuckDB's sniffer (and the user) say. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly quote: string;
  readonly escape: string;
  /** Lines above the header the sniffer found not to belong to the table (a title block). */
  readonly skipRows: number;
  readonly hasHeader: boolean;
  readonly columnCount: number;
}

export interface DialectOverrides {
  readonly delimiter?: string;
  readonly quote?: string;
  readonly hasHeader?: boolean;
}

interface SniffRow {
  readonly Delimiter: string;
  readonly Quote: string;
  readonly Escape: string;
  readonly SkipRows: number;
  readonly HasHeader: boolean;
  readonly columnCount: number;
}

const NONE = '(empty)';

/** Options both sniffs share: never guess a comment character (a `#` row is data), never decompress. */
function sniffOptions(overrides: DialectOverrides, tolerant: boolean): string {
  const options = [`comment=''`, `compression='none'`];
  if (tolerant) options.push('ignore_errors=true');
  if (overrides.delimiter !== undefined) options.push(`delim=${sqlLiteral(overrides.delimiter)}`);
  if (overrides.quote !== undefined) options.push(`quote=${sqlLiteral(overrides.quote)}`);
  if (overrides.hasHeader !== undefined) options.push(`header=${overrides.hasHeader}`);
  return options.join(', ');
}

async function sniff(
  connection: DuckDBConnection,
  path: string,
  overrides: DialectOverrides,
  tolerant: boolean,
): Promise<SniffRow | null> {
  try {
    const reader = await connection.runAndReadAll(
      `SELECT Delimiter, Quote, Escape, SkipRows, HasHeader, len(Columns) AS columnCount
       FROM sniff_csv(${sqlLiteral(path)}, ${sniffOptions(overrides, tolerant)})`,
    );
    const row = reader.getRowObjectsJS()[0];
    if (!row) return null;
    return {
      Delimiter: String(row.Delimiter),
      Quote: String(row.Quote),
      Escape: String(row.Escape),
      SkipRows: Number(row.SkipRows),
      HasHeader: Boolean(row.HasHeader),
      columnCount: Number(row.columnCount),
    };
  } catch {
    // A sample the sniffer cannot make sense of; the other sniff may, and the caller copes with neither.
    return null;
  }
}

/**
 * Sniffs twice, because DuckDB's sniffer fails in opposite ways on messy files: the strict sniff finds a title
 * block above the header (SkipRows) but gives up on one ragged or badly quoted row in the sample (it then sees
 * one column), while the tolerant sniff (ignore_errors) copes with bad rows but not with a title block. The sniff
 * that sees more columns wins; the strict one on a tie.
 */
export async function sniffDialect(
  connection: DuckDBConnection,
  path: string,
  overrides: DialectOverrides,
): Promise<CsvDialect> {
  const strict = await sniff(connection, path, overrides, false);
  const tolerant = await sniff(connection, path, overrides, true);
  const best = !strict || (tolerant && tolerant.columnCount > strict.columnCount) ? tolerant : strict;
  const delimiter = overrides.delimiter ?? (best ? best.Delimiter : ',');
  // The sniffer reports no quote when its sample holds no quoted value; a quoted value further down must still
  // be read as one, so the CSV standard's double quote stands in.
  const quote = overrides.quote ?? (best && best.Quote !== NONE ? best.Quote : '"');
  return {
    delimiter,
    quote,
    // Doubling the quote is the standard way to write one inside a quoted value.
    escape: best && best.Escape !== NONE ? best.Escape : quote,
    skipRows: best?.SkipRows ?? 0,
    hasHeader: overrides.hasHeader ?? best?.HasHeader ?? true,
    columnCount: best?.columnCount ?? 1,
  };
}

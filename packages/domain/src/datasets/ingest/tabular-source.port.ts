import type { HealthCheckable } from '../../shared/health';

/**
 * Reading an uploaded file into rows. The raw file is kept as it came; reading it turns it into a normalised
 * Parquet file of text columns (every value the exact text of its cell, or null), which type inference and the
 * typed commit then work from. Implementations read from a local file so that a 1 GB upload streams with bounded
 * memory (the file is spooled to disk before it is read).
 */
export type SourceFormat = 'csv' | 'tsv' | 'xlsx' | 'json' | 'ndjson' | 'parquet';

/** What the user may set; anything left out is detected. */
export interface ReadOptions {
  readonly format?: SourceFormat;
  /** An encoding label iconv-lite knows: utf-8, utf-16le, utf-16be, cp949, euc-kr, latin1 … */
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly quote?: string;
  readonly hasHeader?: boolean;
  /** Spreadsheets: the sheet name (default: the first sheet with data). */
  readonly sheet?: string;
  /**
   * Spreadsheets: the table's cell range in A1 notation, header row first. JSON: the path of the array of records,
   * `$` for a top-level array or `$.field` for an array inside an object. Default: the best detected candidate.
   */
  readonly range?: string;
  /** JSON: nested objects become `parent.child` columns (flatten) or one JSON text column each (struct). */
  readonly nested?: 'flatten' | 'struct';
  /** fail: any bad row fails the read; skip: bad rows are left out and listed in the report. */
  readonly badRows: 'fail' | 'skip';
}

/** One problem found while reading, located as precisely as the format allows. */
export interface ReadProblem {
  /** A stable rule id: ragged-row, unbalanced-quote, invalid-encoding, duplicate-header, empty-header, empty-file,
   *  binary-file, merged-header, no-rows, unsupported-format, … */
  readonly rule: string;
  /** 1-based physical line in the file (CSV/NDJSON), or spreadsheet row. */
  readonly line?: number;
  /** Column name or 1-based column number, or a cell reference such as C4 in spreadsheets. */
  readonly column?: string | number;
  /** A complete sentence a user can act on, naming the line and column. */
  readonly message: string;
}

/** A table found in the file, offered for the user to pick; the best one comes first in `tableCandidates`. */
export interface TableCandidate {
  /** The sheet of a spreadsheet; '' for other formats. */
  readonly sheet: string;
  /** Spreadsheets: A1 range, header row first. JSON: the path of the array of records (`$`, `$.data`); '' otherwise. */
  readonly range: string;
  /** The spreadsheet row of the header (its first row when it spans two); 0 for formats without header rows. */
  readonly headerRow: number;
  readonly columns: readonly string[];
  readonly rowCount: number;
  /** Why it was detected: e.g. "title block above the header skipped", "merged header cells joined". */
  readonly notes: readonly string[];
}

/** What was detected about a file before it is read; offered to the user to confirm or change. */
export interface DetectedLayout {
  readonly format: SourceFormat;
  readonly encoding: string | null;
  readonly hadByteOrderMark: boolean;
  readonly delimiter: string | null;
  readonly quote: string | null;
  readonly hasHeader: boolean;
  readonly sheets: readonly string[];
  readonly tableCandidates: readonly TableCandidate[];
}

export interface ReadResult {
  readonly layout: DetectedLayout;
  /** Column names in order, unique and non-empty (a bad header is a problem, never silently renamed). */
  readonly columns: readonly string[];
  readonly rowCount: number;
  readonly skippedRows: number;
  /** Problems found; when badRows is 'fail' and any row is bad, read() throws instead. */
  readonly problems: readonly ReadProblem[];
  /** The table that was read (spreadsheets: sheet and range; JSON: the record path), when the format has a choice. */
  readonly table?: TableCandidate;
  /**
   * The column types the source itself declared (Parquet), by column name, as DuckDB names them: `BIGINT`,
   * `DECIMAL(18,2)`, `TIMESTAMP WITH TIME ZONE`, `VARCHAR[]` … Type inference can adopt them instead of guessing.
   */
  readonly sourceTypes?: Readonly<Record<string, string>>;
}

export interface TabularSourceReader extends HealthCheckable {
  /** Looks at the start of the file (and a spreadsheet's sheets) to detect its layout. Never reads it all. */
  detect(filePath: string, fileName: string, options?: Partial<ReadOptions>): Promise<DetectedLayout>;
  /**
   * Reads the whole file into a Parquet file of nullable text columns at `outputPath`, streaming.
   * Throws DomainError `DATASET.BAD_INPUT` (kind invalid) with `context.problems: ReadProblem[]` when the file
   * cannot be read at all or when badRows is 'fail' and a row is bad; nothing is written at outputPath then.
   * The error carries `context.layout: DetectedLayout` when the file's layout could be detected.
   */
  read(filePath: string, fileName: string, options: ReadOptions, outputPath: string): Promise<ReadResult>;
}

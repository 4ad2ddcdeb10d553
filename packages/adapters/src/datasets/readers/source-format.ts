import { extname } from 'node:path';
import type { ReadProblem, SourceFormat } from '@spice/domain';
import iconv from 'iconv-lite';
import type { ByteKind, SourceFile } from './source-bytes';
import { detectEncoding } from './text-encoding';

const BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.parquet': 'parquet',
};

const TEXT_FORMATS: ReadonlySet<SourceFormat> = new Set(['csv', 'tsv', 'json', 'ndjson']);
export const isTextFormat = (format: SourceFormat) => TEXT_FORMATS.has(format);

const FORMAT_NAMES: Readonly<Record<SourceFormat, string>> = {
  csv: 'CSV text',
  tsv: 'TSV text',
  json: 'JSON text',
  ndjson: 'NDJSON text',
  xlsx: 'an Excel workbook (XLSX)',
  parquet: 'a Parquet file',
};

/** The start of a text file as characters, in whatever encoding it is in. */
function headText(file: SourceFile): string {
  return iconv.decode(file.bytes.head, detectEncoding(file.bytes).encoding, { stripBOM: true });
}

/** One JSON value per line (NDJSON) starts with an object that ends on its own line, followed by another. */
function looksLikeNdjson(text: string): boolean {
  const [first, second] = text.trimStart().split(/\r?\n/u, 2);
  if (first === undefined || second === undefined || !second.trimStart().startsWith('{')) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

/** Text whose name says nothing: JSON if it opens like JSON, else delimited text (TSV if its first line has tabs and no commas). */
function formatOfText(text: string): SourceFormat {
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) return looksLikeNdjson(start) ? 'ndjson' : 'json';
  const firstLine = start.split('\n', 1)[0] ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? 'tsv' : 'csv';
}

/**
 * The format to read a file as: the user's choice, else what the bytes prove (a Parquet or XLSX file is one,
 * whatever it is called), else the name's extension, else the text's look. Null when nothing fits: a binary
 * file of another kind with a name that claims no format.
 */
export function chooseFormat(
  file: SourceFile,
  kind: ByteKind,
  requested: SourceFormat | undefined,
): SourceFormat | null {
  if (requested) return requested;
  if (kind.kind === 'parquet' || kind.kind === 'xlsx') return kind.kind;
  const named = BY_EXTENSION[extname(file.name).toLowerCase()];
  if (kind.kind === 'binary') return named ?? null;
  if (named === 'json' && looksLikeNdjson(headText(file))) return 'ndjson';
  return named && isTextFormat(named) ? named : formatOfText(headText(file));
}

const describeKind = (kind: ByteKind) => (kind.kind === 'text' ? 'text' : kind.description);

/** The problem of a file no reader takes: binary, and of no format its name claims. */
export const unsupportedFile = (kind: ByteKind): ReadProblem => ({
  rule: 'unsupported-format',
  message: `This file is ${describeKind(kind)}, which cannot be read as a table. Upload CSV, TSV, XLSX, JSON, NDJSON or Parquet.`,
});

/** Why the bytes cannot be read as the chosen format, or null when they can be tried. */
export function formatMismatch(kind: ByteKind, format: SourceFormat): ReadProblem | null {
  if (isTextFormat(format)) {
    return kind.kind === 'text'
      ? null
      : { rule: 'binary-file', message: `This file is ${describeKind(kind)}, not ${FORMAT_NAMES[format]}.` };
  }
  if (kind.kind === format) return null;
  return {
    rule: 'unsupported-format',
    message: `This file is ${describeKind(kind)}, not ${FORMAT_NAMES[format]}.`,
  };
}

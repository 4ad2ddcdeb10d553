import { open } from 'node:fs/promises';

/** How much of a file is looked at to recognise it, detect its encoding and sniff its format. */
export const HEAD_BYTES = 64 * 1024;

/** The first and last bytes of an upload: enough to recognise what kind of file it is without reading it all. */
export interface SourceBytes {
  readonly size: number;
  readonly head: Buffer;
  /** The last HEAD_BYTES (a ZIP archive lists its entries at its end). */
  readonly tail: Buffer;
}

/** An upload as the format readers see it: where it is, what it was called, and its first and last bytes. */
export interface SourceFile {
  readonly path: string;
  readonly name: string;
  readonly bytes: SourceBytes;
}

export async function readSourceBytes(path: string): Promise<SourceBytes> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await file.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await file.read(tail, 0, tail.length, size - tail.length);
    return { size, head, tail };
  } finally {
    await file.close();
  }
}

/**
 * What the bytes say the file is. Text is anything a text reader may try (including UTF-16, whose ASCII
 * characters carry NUL bytes); the binary formats we read are told apart; any other binary file is described in
 * words for the problem report ("a PNG image").
 */
export type ByteKind =
  { readonly kind: 'text' } | { readonly kind: 'parquet' | 'xlsx' | 'binary'; readonly description: string };

const PARQUET: ByteKind = { kind: 'parquet', description: 'a Parquet file' };
const XLSX: ByteKind = { kind: 'xlsx', description: 'an Excel workbook (XLSX)' };

interface Signature {
  readonly bytes: readonly number[];
  readonly at?: number;
  readonly description: string;
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

// Formats users plausibly upload by mistake. Each is matched at the start of the file (or `at`), so a text file
// that merely contains these bytes later is not affected.
const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], description: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], description: 'a JPEG image' },
  { bytes: ascii('GIF87a'), description: 'a GIF image' },
  { bytes: ascii('GIF89a'), description: 'a GIF image' },
  { bytes: ascii('WEBP'), at: 8, description: 'a WebP image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], description: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], description: 'a TIFF image' },
  { bytes: ascii('%PDF-'), description: 'a PDF document' },
  { bytes: [0x1f, 0x8b], description: 'a gzip-compressed file' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], description: 'a Zstandard-compressed file' },
  { bytes: [0xfd, ...ascii('7zXZ'), 0x00], description: 'an xz-compressed file' },
  // bzip2's block magic (the BCD digits of pi) after `BZh` and the block-size digit.
  { bytes: ascii('1AY&SY'), at: 4, description: 'a bzip2-compressed file' },
  { bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c], description: 'a 7-Zip archive' },
  { bytes: [...ascii('Rar!'), 0x1a, 0x07], description: 'a RAR archive' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    description: 'a legacy Office document (such as an Excel 97-2003 .xls workbook)',
  },
  { bytes: [...ascii('SQLite format 3'), 0x00], description: 'an SQLite database' },
  { bytes: ascii('ARROW1'), description: 'an Apache Arrow file' },
  { bytes: [...ascii('Obj'), 0x01], description: 'an Avro file' },
  { bytes: [0x7f, ...ascii('ELF')], description: 'a program (ELF executable)' },
];

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const PARQUET_MAGIC = Buffer.from('PAR1');

const startsWith = (buffer: Buffer, bytes: readonly number[], at = 0) =>
  buffer.length >= at + bytes.length && bytes.every((byte, i) => buffer[at + i] === byte);

/** The parts of a ZIP archive's entry names that say which Office (or other) document it is. */
function describeZip(bytes: SourceBytes): ByteKind {
  const names = `${bytes.head.toString('latin1')}${bytes.tail.toString('latin1')}`;
  if (names.includes('xl/workbook.xml') || names.includes('xl/worksheets/')) return XLSX;
  if (names.includes('word/document.xml')) return { kind: 'binary', description: 'a Word document (DOCX)' };
  if (names.includes('ppt/presentation.xml')) {
    return { kind: 'binary', description: 'a PowerPoint presentation (PPTX)' };
  }
  if (names.includes('application/vnd.oasis.opendocument.spreadsheet')) {
    return { kind: 'binary', description: 'an OpenDocument spreadsheet (ODS)' };
  }
  return { kind: 'binary', description: 'a ZIP archive' };
}

/**
 * UTF-16 text without a byte order mark: its ASCII characters (delimiters, digits, line breaks) have a NUL high
 * byte, so NULs sit on one parity of byte positions only and make up a good share of it.
 */
export function utf16ByNulPattern(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNuls += 1;
    if (head[i + 1] === 0) oddNuls += 1;
  }
  const share = 0.2;
  if (evenNuls === 0 && oddNuls >= pairs * share) return 'utf-16le';
  if (oddNuls === 0 && evenNuls >= pairs * share) return 'utf-16be';
  return null;
}

const hasUtf16ByteOrderMark = (head: Buffer) =>
  startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);

export function identifyBytes(bytes: SourceBytes): ByteKind {
  const { head } = bytes;
  if (head.subarray(0, 4).equals(PARQUET_MAGIC)) return PARQUET;
  if (head.subarray(0, 4).equals(ZIP_LOCAL_HEADER) || head.subarray(0, 4).equals(EMPTY_ZIP)) {
    return describeZip(bytes);
  }
  const signature = SIGNATURES.find((s) => startsWith(head, s.bytes, s.at));
  if (signature) return { kind: 'binary', description: signature.description };
  if (hasUtf16ByteOrderMark(head) || utf16ByNulPattern(head) !== null) return { kind: 'text' };
  const nul = head.indexOf(0);
  if (nul >= 0) return { kind: 'binary', description: `binary data (a NUL byte at byte offset ${nul})` };
  return { kind: 'text' };
}

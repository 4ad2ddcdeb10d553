import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { invalidSequence } from './utf8-validation';

const NEWLINE = 0x0a;
/** How far into a record an invalid byte is looked for; DuckDB has flagged the record, so it is there. */
const RECORD_WINDOW = 256 * 1024;

/**
 * The 1-based physical line of each byte offset (counting `\n`), in one streaming pass that stops after the last
 * offset asked for. DuckDB numbers rejected rows by record (a quoted value with line breaks is one record), while
 * a user opening the file in an editor counts physical lines; the report uses those.
 */
export async function physicalLines(path: string, offsets: readonly number[]): Promise<Map<number, number>> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  if (sorted.length === 0) return lines;
  let next = 0;
  let newlines = 0;
  let position = 0;
  const stream = createReadStream(path, { end: sorted.at(-1)!, highWaterMark: 1024 * 1024 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const chunkEnd = position + chunk.length;
    let from = 0;
    while (next < sorted.length && sorted[next]! < chunkEnd) {
      const upTo = sorted[next]! - position;
      newlines += countNewlines(chunk, from, upTo);
      from = upTo;
      lines.set(sorted[next]!, newlines + 1);
      next += 1;
    }
    newlines += countNewlines(chunk, from, chunk.length);
    position = chunkEnd;
  }
  for (const offset of sorted.slice(next)) lines.set(offset, newlines + 1);
  return lines;
}

function countNewlines(chunk: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = chunk.indexOf(NEWLINE, from); at !== -1 && at < to; at = chunk.indexOf(NEWLINE, at + 1))
    count += 1;
  return count;
}

/**
 * Where a record DuckDB rejected really starts. Its `line_byte_position` is one past the start in files with
 * `\n` line ends and lands on the `\n` of a `\r\n` pair otherwise; stepping back one byte and over a `\n` gives
 * the first byte of the record in both.
 */
export async function recordStart(file: FileHandle, reportedPosition: number): Promise<number> {
  const guess = Math.max(0, reportedPosition - 1);
  const byte = Buffer.alloc(1);
  const { bytesRead } = await file.read(byte, 0, 1, guess);
  return bytesRead === 1 && byte[0] === NEWLINE ? guess + 1 : guess;
}

export interface InvalidUtf8 {
  /** 0-based byte offset in the file of the first byte of the invalid sequence. */
  readonly offset: number;
  readonly bytes: Buffer;
}

/** The first invalid UTF-8 sequence at or after `from`, looked for within one record's reach. */
export async function firstInvalidUtf8(file: FileHandle, from: number): Promise<InvalidUtf8 | null> {
  const window = Buffer.alloc(RECORD_WINDOW);
  const { bytesRead } = await file.read(window, 0, RECORD_WINDOW, from);
  const found = invalidSequence(window.subarray(0, bytesRead));
  return found && { offset: from + found.index, bytes: Buffer.from(found.bytes) };
}

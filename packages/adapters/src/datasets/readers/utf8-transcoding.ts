import { createReadStream, createWriteStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';

/**
 * 64 KiB chunks keep each decoded string small enough for V8's young generation, where garbage is cheap to
 * collect: with 1 MiB chunks, transcoding 1 GiB of CP949 peaked ~40 MiB higher and took ~45% more CPU.
 */
const CHUNK_BYTES = 64 * 1024;
const REPLACEMENT = '\ufffd';
/** 0xFF never occurs in UTF-8, so DuckDB rejects the row holding it as INVALID ENCODING, at its line and column. */
const UNDECODABLE_MARK = Buffer.from([0xff]);

/**
 * Decodes text in `encoding` to UTF-8 chunk by chunk (memory stays at a few chunks whatever the file size).
 * Byte sequences the encoding does not define come out of iconv-lite as U+FFFD; they are written as a byte that
 * is invalid in UTF-8 instead, so the CSV reader reports them where they are rather than reading them as text.
 * (A U+FFFD already written in a UTF-16 file is reported the same way: it marks text lost before the upload.)
 */
class ToUtf8 extends Transform {
  private readonly decoder;

  constructor(encoding: string) {
    super();
    this.decoder = iconv.getDecoder(encoding, { stripBOM: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pushText(this.decoder.write(chunk));
    done();
  }

  override _flush(done: TransformCallback): void {
    this.pushText(this.decoder.end() ?? '');
    done();
  }

  private pushText(text: string): void {
    if (text.length === 0) return;
    if (!text.includes(REPLACEMENT)) {
      this.push(Buffer.from(text, 'utf8'));
      return;
    }
    const parts = text.split(REPLACEMENT).map((part) => Buffer.from(part, 'utf8'));
    this.push(Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [UNDECODABLE_MARK, part]))));
  }
}

/** Writes `source`, read as `encoding`, to `target` as UTF-8 without a byte order mark. */
export async function transcodeToUtf8(source: string, target: string, encoding: string): Promise<void> {
  await pipeline(
    createReadStream(source, { highWaterMark: CHUNK_BYTES }),
    new ToUtf8(encoding),
    createWriteStream(target, { highWaterMark: CHUNK_BYTES }),
  );
}

/** The first bytes of a file as UTF-8, cut after the last whole line: what the dialect is sniffed from. */
export function transcodeHead(head: Buffer, encoding: string): Buffer {
  const text = iconv.decode(head, encoding, { stripBOM: true });
  const end = text.lastIndexOf('\n');
  return Buffer.from(end > 0 ? text.slice(0, end + 1) : text, 'utf8');
}

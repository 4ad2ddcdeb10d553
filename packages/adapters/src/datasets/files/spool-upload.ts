import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalid, type ReceivedFile } from '@spice/domain';

/**
 * Writes an upload's body to a local file as it arrives, hashing and counting on the way, so a large file
 * never sits in memory. Refused past `maxBytes` (the file is left for the caller's scratch dir to remove).
 */
export async function spoolUpload(body: ReadableStream<Uint8Array> | Readable, path: string, maxBytes: number): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) {
        done(invalid('DATASET.FILE_TOO_LARGE', `The file is larger than the ${Math.floor(maxBytes / 1024 ** 2)} MiB upload limit`, [], { maxBytes }));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = body instanceof Readable ? body : Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  await pipeline(source, measure, createWriteStream(path));
  return { path, sizeBytes, contentHash: hash.digest('hex') };
}

import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ScratchFiles } from '@spice/domain/contracts';

const CHUNK_BYTES = 1024 * 1024;

/** Local files for the ObjectStore contract's file cases, in fresh directories under `root`. */
export function scratchFilesIn(root: string): ScratchFiles {
  return {
    makeDir: () => mkdtemp(join(root, 'scratch-')),
    join: (dir, name) => join(dir, name),
    writeRandom: async (path, sizeBytes) => {
      const hash = createHash('sha256');
      await pipeline(Readable.from(randomChunks(sizeBytes, hash)), createWriteStream(path));
      return hash.digest('hex');
    },
    writeText: (path, text) => writeFile(path, text),
    sha256: async (path) => {
      const hash = createHash('sha256');
      try {
        await pipeline(createReadStream(path), hash);
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
      return hash.digest('hex');
    },
    sizeOf: async (path) => {
      try {
        return (await stat(path)).size;
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    list: async (dir) => (await readdir(dir)).sort(),
  };
}

/** Random bytes in 1 MiB chunks, hashed as they go, so a file of any size is written in bounded memory. */
function* randomChunks(sizeBytes: number, hash: ReturnType<typeof createHash>): Generator<Buffer> {
  for (let left = sizeBytes; left > 0; left -= CHUNK_BYTES) {
    const chunk = randomFillSync(Buffer.allocUnsafe(Math.min(CHUNK_BYTES, left)));
    hash.update(chunk);
    yield chunk;
  }
}

function isMissing(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT';
}

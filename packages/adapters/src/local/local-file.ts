import { randomUUID } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { notFound, OBJECT_SOURCE_FILE_NOT_FOUND } from '@spice/domain';

/**
 * Writes `filePath` whole or not at all: `fill` writes a temp name beside it, which is flushed and only then
 * renamed over `filePath`, so a reader sees the old file, no file, or the whole new one. The temp file is
 * removed when anything fails.
 */
export async function writeFileAtomically(
  filePath: string,
  fill: (tempPath: string) => Promise<void>,
): Promise<void> {
  const temp = join(dirname(filePath), `.${basename(filePath)}.part-${randomUUID()}`);
  try {
    await fill(temp);
    await syncFile(temp);
    await rename(temp, filePath);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncDirectory(dirname(filePath));
}

/** The size of the regular file at `filePath`, or DomainError `OBJECT_STORE.SOURCE_FILE_NOT_FOUND`. */
export async function sourceFileSize(filePath: string): Promise<number> {
  const missing = () =>
    notFound(OBJECT_SOURCE_FILE_NOT_FOUND, `No file to store at ${filePath}`, { filePath });
  let stats;
  try {
    stats = await stat(filePath);
  } catch (e) {
    if (errorCode(e) === 'ENOENT' || errorCode(e) === 'ENOTDIR') throw missing();
    throw e;
  }
  if (!stats.isFile()) throw missing();
  return stats.size;
}

/** Flushes a written file's bytes to disk (fsync acts on the file, whichever descriptor asks). */
export async function syncFile(filePath: string): Promise<void> {
  const handle = await open(filePath, 'r');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Makes a new name in `dir` survive a crash before the write is reported done. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
}

import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { notFound, type LocalFileCache, type ObjectStore } from '@spice/domain';

/**
 * Local copies of immutable objects (versions' Parquet files), fetched once and then read from disk: the
 * engine reads local files, and a preview must not download a large version again for every page.
 * Concurrent first reads of one key share one download.
 */
export class ObjectFileCache implements LocalFileCache {
  private readonly downloads = new Map<string, Promise<string>>();

  constructor(
    private readonly objects: ObjectStore,
    private readonly root: string,
  ) {}

  localPath(key: string): Promise<string> {
    const pending = this.downloads.get(key);
    if (pending) return pending;
    const download = this.fetch(key).finally(() => this.downloads.delete(key));
    this.downloads.set(key, download);
    return download;
  }

  private async fetch(key: string): Promise<string> {
    // Hashed names: keys have `/`s and may be long; the extension stays so engines recognise the format.
    const extension = key.match(/\.[a-z0-9]{1,10}$/)?.[0] ?? '';
    const path = join(this.root, createHash('sha256').update(key).digest('hex') + extension);
    if (await stat(path).then(() => true, () => false)) return path;
    await mkdir(this.root, { recursive: true });
    if (!(await this.objects.getFile(key, path))) throw notFound('OBJECT_STORE.NOT_FOUND', `The object ${key} is missing from the object store`, { key });
    return path;
  }
}

import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { notFound, type LocalFileCache, type ObjectStore } from '@spice/domain';
import type { Logger } from '../../logging/logger';

interface CachedFile {
  sizeBytes: number;
  lastUsed: number;
  /** Reads using the file now: it is never evicted under them. */
  pins: number;
}

/**
 * Local copies of immutable objects (versions' Parquet files), fetched once and then read from disk: the
 * engine reads local files, and a preview must not download a large version again for every page.
 * Concurrent first reads of one key share one download. The copies are bounded: past `maxBytes`, the least
 * recently used ones that no read is using are deleted (and fetched again if wanted later).
 */
export class ObjectFileCache implements LocalFileCache {
  private readonly files = new Map<string, CachedFile>();
  private readonly downloads = new Map<string, Promise<void>>();
  private readonly removals = new Map<string, Promise<void>>();
  private loaded: Promise<void> | undefined;
  private evicting: Promise<void> | undefined;
  private evictAgain = false;
  /** Use order: a counter, as reads within one millisecond must still be told apart. */
  private uses = 0;

  constructor(
    private readonly objects: ObjectStore,
    private readonly root: string,
    private readonly maxBytes: number,
    private readonly logger?: Logger,
  ) {}

  async withLocalFile<T>(key: string, work: (path: string) => Promise<T>): Promise<T> {
    await (this.loaded ??= this.loadExisting());
    const path = this.pathOf(key);
    const file = this.files.get(path) ?? { sizeBytes: 0, lastUsed: ++this.uses, pins: 0 };
    this.files.set(path, file);
    file.pins += 1;
    try {
      await this.present(key, path, file);
      return await work(path);
    } finally {
      file.pins -= 1;
      file.lastUsed = ++this.uses;
      this.evictOverBudget();
    }
  }

  async keep(key: string, localPath: string): Promise<void> {
    try {
      await this.copyIn(key, localPath);
    } catch (e) {
      this.logger?.warn({ key, err: e }, 'no local copy kept of a stored version file: its first read fetches it');
    }
  }

  private async copyIn(key: string, localPath: string): Promise<void> {
    await (this.loaded ??= this.loadExisting());
    const path = this.pathOf(key);
    await this.removals.get(path);
    if (this.files.has(path) || this.downloads.has(path)) return;
    await mkdir(this.root, { recursive: true });
    // A dot name, as a download's: never taken for a copy if the process dies before the rename.
    const temp = join(this.root, `.keep-${randomUUID()}`);
    try {
      await copyFile(localPath, temp, constants.COPYFILE_FICLONE);
      await rename(temp, path);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    this.files.set(path, { sizeBytes: (await stat(path)).size, lastUsed: ++this.uses, pins: 0 });
    this.evictOverBudget();
  }

  /** Bytes held now (for tests and health). */
  heldBytes(): number {
    let total = 0;
    for (const file of this.files.values()) total += file.sizeBytes;
    return total;
  }

  private async present(key: string, path: string, file: CachedFile): Promise<void> {
    await this.removals.get(path);
    if (file.sizeBytes > 0) return;
    let download = this.downloads.get(path);
    if (!download) {
      download = this.download(key, path, file).finally(() => this.downloads.delete(path));
      this.downloads.set(path, download);
    }
    await download;
  }

  private async download(key: string, path: string, file: CachedFile): Promise<void> {
    const existing = await stat(path).catch(() => null);
    if (!existing) {
      await mkdir(this.root, { recursive: true });
      if (!(await this.objects.getFile(key, path))) throw notFound('OBJECT_STORE.NOT_FOUND', `The object ${key} is missing from the object store`, { key });
    }
    file.sizeBytes = existing?.size ?? (await stat(path)).size;
  }

  /** One pass at a time, and one more if asked for while it ran. */
  private evictOverBudget(): void {
    if (this.evicting) {
      this.evictAgain = true;
      return;
    }
    this.evicting = this.evict().finally(() => {
      this.evicting = undefined;
      if (this.evictAgain) {
        this.evictAgain = false;
        this.evictOverBudget();
      }
    });
  }

  /** Each file is taken out of the map before it is deleted, so a read coming meanwhile fetches it again. */
  private async evict(): Promise<void> {
    let held = this.heldBytes();
    const oldestFirst = [...this.files.entries()].sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [path, file] of oldestFirst) {
      if (held <= this.maxBytes) break;
      if (file.pins > 0 || file.sizeBytes === 0) continue;
      this.files.delete(path);
      held -= file.sizeBytes;
      const removal = rm(path, { force: true }).finally(() => this.removals.delete(path));
      this.removals.set(path, removal);
      await removal;
    }
  }

  /** Copies left by an earlier run count against the budget, the least recently modified as the least recently used. */
  private async loadExisting(): Promise<void> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    const found: { path: string; sizeBytes: number; modified: number }[] = [];
    for (const name of names) {
      if (name.startsWith('.')) continue; // a download's temp file
      const path = join(this.root, name);
      const info = await stat(path).catch(() => null);
      if (info?.isFile()) found.push({ path, sizeBytes: info.size, modified: info.mtimeMs });
    }
    for (const { path, sizeBytes } of found.sort((a, b) => a.modified - b.modified)) this.files.set(path, { sizeBytes, lastUsed: ++this.uses, pins: 0 });
  }

  // Hashed names: keys have `/`s and may be long; the extension stays so engines recognise the format.
  private pathOf(key: string): string {
    const extension = key.match(/\.[a-z0-9]{1,10}$/)?.[0] ?? '';
    return join(this.root, createHash('sha256').update(key).digest('hex') + extension);
  }
}

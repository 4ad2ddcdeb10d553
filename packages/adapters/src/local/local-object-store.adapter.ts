import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, copyFile, link, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  conflict,
  OBJECT_ALREADY_EXISTS,
  unavailable,
  type ComponentHealth,
  type ListOptions,
  type ObjectStore,
  type PutFileOptions,
} from '@spice/domain';
import type { SpiceConfig } from '../config/config';
import { errorCode, sourceFileSize, syncDirectory, syncFile, writeFileAtomically } from './local-file';
import { decodeEntry, directoryNamesOf, objectPathOf, type DirectoryEntry } from './object-key-path';

export type LocalObjectStoreConfig = Omit<Extract<SpiceConfig['objectStore'], { kind: 'local' }>, 'kind'>;

const OBJECT_STORE_UNAVAILABLE = 'OBJECT_STORE.UNAVAILABLE';

/**
 * The embedded object store: one file per object under a root directory. Objects are written to a temp file
 * in their final directory and only then given their name (link for create-if-absent, rename for overwrite),
 * so readers in any process see whole objects or nothing.
 */
export class LocalObjectStore implements ObjectStore {
  private readonly root: string;

  constructor(config: LocalObjectStoreConfig) {
    this.root = resolve(config.root);
  }

  async putIfAbsent(key: string, body: Uint8Array): Promise<void> {
    const { dir, file } = this.locate(key);
    const temp = await this.writeTemp(dir, (path) => writeFile(path, body, { flag: 'wx' }));
    await this.publish(key, { dir, file, temp }, 'create');
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    const { dir, file } = this.locate(key);
    const temp = await this.writeTemp(dir, (path) => writeFile(path, body, { flag: 'wx' }));
    await this.publish(key, { dir, file, temp }, 'replace');
  }

  async putFile(key: string, filePath: string, options: PutFileOptions = {}): Promise<{ sizeBytes: number }> {
    const { dir, file } = this.locate(key);
    await sourceFileSize(filePath); // refuses a missing source as not_found, before writing anything
    let sizeBytes = 0;
    // The kernel copies (copy_file_range, or a reflink where the file system has them): a 1 GiB upload is not
    // pushed through JavaScript streams a second time.
    const temp = await this.writeTemp(dir, async (path) => {
      await copyFile(filePath, path, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
      sizeBytes = (await stat(path)).size;
    });
    await this.publish(key, { dir, file, temp }, options.ifAbsent ? 'create' : 'replace');
    return { sizeBytes };
  }

  async get(key: string): Promise<Uint8Array | null> {
    const { file } = this.locate(key);
    try {
      const bytes = await readFile(file);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return null;
      throw failure(`read ${key}`, e);
    }
  }

  /**
   * Copies rather than hard-links the object: a link would share the inode, so a caller rewriting its file in
   * place (`writeFile` truncates the same inode) would rewrite the stored object too.
   */
  async getFile(key: string, filePath: string): Promise<boolean> {
    const { file } = this.locate(key);
    let source;
    try {
      // Opened first, so that a missing object is told apart from a missing destination before writing anything.
      source = await open(file, 'r');
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return false;
      throw failure(`read ${key}`, e);
    }
    try {
      await writeFileAtomically(filePath, (temp) => copyFile(file, temp, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE));
      return true;
    } catch (e) {
      throw failure(`copy ${key} to ${filePath}`, e);
    } finally {
      await source.close();
    }
  }

  async size(key: string): Promise<number | null> {
    const { file } = this.locate(key);
    try {
      return (await stat(file)).size;
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return null;
      throw failure(`stat ${key}`, e);
    }
  }

  async list(prefix: string, options: ListOptions = {}): Promise<string[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const startAfter = options.startAfter ?? '';
    const keys: string[] = [];
    if (limit <= 0) return keys;

    // Every key under `prefix` lies below the directory of the prefix's whole segments.
    const wholeSegments = prefix.split('/').slice(0, -1);
    const startDir = join(this.root, ...directoryNamesOf(wholeSegments));
    const startKeyPrefix = wholeSegments.map((s) => s + '/').join('');

    // Depth-first over entries sorted so that the walk visits keys in ascending byte order.
    const walk = async (dir: string, keyPrefix: string): Promise<boolean> => {
      for (const entry of await this.readSortedEntries(dir)) {
        if (entry.kind === 'object') {
          const key = keyPrefix + entry.segment;
          if (key.startsWith(prefix) && compareUtf8(key, startAfter) > 0) {
            keys.push(key);
            if (keys.length >= limit) return true;
          }
          continue;
        }
        const subtree = keyPrefix + entry.segment + '/';
        const meetsPrefix = subtree.startsWith(prefix) || prefix.startsWith(subtree);
        const whollyBeforeStart = compareUtf8(subtree, startAfter) < 0 && !startAfter.startsWith(subtree);
        if (meetsPrefix && !whollyBeforeStart && (await walk(join(dir, entry.name), subtree))) return true;
      }
      return false;
    };
    await walk(startDir, startKeyPrefix);
    return keys;
  }

  async delete(key: string): Promise<void> {
    const { file } = this.locate(key);
    try {
      await rm(file, { force: true });
    } catch (e) {
      throw failure(`delete ${key}`, e);
    }
  }

  async health(): Promise<ComponentHealth> {
    const base = { component: 'object store', adapter: 'local-directory', mode: 'embedded' } as const;
    try {
      await mkdir(this.root, { recursive: true });
      await access(this.root, constants.R_OK | constants.W_OK);
      return { ...base, up: true, detail: this.root };
    } catch (e) {
      return { ...base, up: false, detail: `${this.root}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  private locate(key: string): { dir: string; file: string } {
    const path = objectPathOf(key);
    const dir = join(this.root, ...path.dirs);
    return { dir, file: join(dir, path.file) };
  }

  /** Fills and flushes a fresh temp file in `dir`, so that naming it later publishes whole bytes. */
  private async writeTemp(dir: string, fill: (temp: string) => Promise<void>): Promise<string> {
    const temp = join(dir, `.tmp-${randomUUID()}`);
    try {
      await mkdir(dir, { recursive: true });
      await fill(temp);
      await syncFile(temp);
      return temp;
    } catch (e) {
      await rm(temp, { force: true });
      throw failure(`write into ${dir}`, e);
    }
  }

  /**
   * Gives the temp file the object's name: link(2) for create, which refuses an existing name atomically across
   * processes (unlike check-then-write); rename(2) to replace, which swaps in a new inode, so a reader holding
   * the old one keeps whole old bytes.
   */
  private async publish(
    key: string,
    { dir, file, temp }: { dir: string; file: string; temp: string },
    mode: 'create' | 'replace',
  ): Promise<void> {
    try {
      if (mode === 'create') await link(temp, file);
      else await rename(temp, file);
    } catch (e) {
      if (mode === 'create' && errorCode(e) === 'EEXIST')
        throw conflict(OBJECT_ALREADY_EXISTS, `Object already exists: ${key}`, { key });
      throw failure(`write ${key}`, e);
    } finally {
      await rm(temp, { force: true });
    }
    await syncDirectory(dir).catch((e: unknown) => {
      throw failure(`sync ${dir}`, e);
    });
  }

  private async readSortedEntries(dir: string): Promise<DirectoryEntry[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return [];
      throw failure(`list ${dir}`, e);
    }
    // A directory sorts as `segment/`: its keys all start so, which places it correctly among its siblings.
    return names
      .map(decodeEntry)
      .filter((entry): entry is DirectoryEntry => entry !== null)
      .map((entry) => ({
        entry,
        sortKey: Buffer.from(entry.kind === 'directory' ? entry.segment + '/' : entry.segment),
      }))
      .sort((a, b) => Buffer.compare(a.sortKey, b.sortKey))
      .map(({ entry }) => entry);
  }
}

/** S3 orders keys by their UTF-8 bytes; JavaScript's `<` compares UTF-16 units, which differs above U+FFFF. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function failure(action: string, cause: unknown) {
  const code = errorCode(cause);
  return unavailable(
    OBJECT_STORE_UNAVAILABLE,
    `Local object store could not ${action}${code ? ` (${code})` : ''}`,
    cause,
  );
}

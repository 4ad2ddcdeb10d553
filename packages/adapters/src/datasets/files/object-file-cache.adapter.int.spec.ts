import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../local/local-object-store.adapter';
import { recordingLogger } from '../../write-path/outage-support/recording-logger.int-support';
import { ObjectFileCache } from './object-file-cache.adapter';

const KIB = 1024;

describe('ObjectFileCache: local copies of versions, bounded by size', () => {
  let dir: string;
  let store: LocalObjectStore;
  const cacheDir = () => join(dir, 'cache');
  const copies = () => (existsSync(cacheDir()) ? readdirSync(cacheDir()).filter((n) => !n.startsWith('.')) : []);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spice-file-cache-'));
    store = new LocalObjectStore({ root: join(dir, 'objects') });
    for (const name of ['a', 'b', 'c']) await store.put(`versions/${name}.parquet`, new Uint8Array(40 * KIB).fill(name.charCodeAt(0)));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const read = (cache: ObjectFileCache, name: string) => cache.withLocalFile(`versions/${name}.parquet`, async (path) => (await readFile(path))[0]);

  it('fetches once, then serves the local copy', async () => {
    const cache = new ObjectFileCache(store, cacheDir(), 1024 * KIB);
    expect(await read(cache, 'a')).toBe('a'.charCodeAt(0));
    await store.delete('versions/a.parquet');
    expect(await read(cache, 'a'), 'read from the local copy').toBe('a'.charCodeAt(0));
    expect(copies()).toHaveLength(1);
  });

  it('keeps a copy of a file just stored, so its first read fetches nothing; kept copies count against its size', async () => {
    const cache = new ObjectFileCache(store, cacheDir(), 100 * KIB);
    const typed = join(dir, 'typed.parquet');
    writeFileSync(typed, new Uint8Array(40 * KIB).fill('k'.charCodeAt(0)));
    await store.putFile('versions/k.parquet', typed);
    await cache.keep('versions/k.parquet', typed);
    await store.delete('versions/k.parquet');
    rmSync(typed);
    expect(await read(cache, 'k'), 'read from the kept copy').toBe('k'.charCodeAt(0));
    await read(cache, 'a');
    await read(cache, 'b');
    await eventually(() => copies().length === 2);
    expect(cache.heldBytes()).toBe(80 * KIB);
  });

  it('keeps no copy of a file it cannot copy, says so in its log, and the first read fetches the object', async () => {
    const { logger, messages } = recordingLogger();
    const cache = new ObjectFileCache(store, cacheDir(), 100 * KIB, logger);
    await cache.keep('versions/a.parquet', join(dir, 'no-such-file.parquet'));
    expect(messages()).toEqual(['no local copy kept of a stored version file: its first read fetches it']);
    expect(copies()).toEqual([]);
    expect(await read(cache, 'a'), 'fetched from the store').toBe('a'.charCodeAt(0));
  });

  it('past its size, deletes the least recently read copies; a deleted one is fetched again when read', async () => {
    const cache = new ObjectFileCache(store, cacheDir(), 100 * KIB); // room for two 40 KiB copies
    await read(cache, 'a');
    await read(cache, 'b');
    await read(cache, 'a'); // b is now the least recently read
    await read(cache, 'c');
    await eventually(() => copies().length === 2);
    expect(cache.heldBytes()).toBe(80 * KIB);
    expect(await read(cache, 'b'), 'fetched again').toBe('b'.charCodeAt(0));
    await eventually(() => copies().length === 2);
  });

  it('never deletes a copy a read is using, even over its size', async () => {
    const cache = new ObjectFileCache(store, cacheDir(), 50 * KIB); // room for one
    let release!: () => void;
    const held = cache.withLocalFile('versions/a.parquet', (path) => new Promise<string>((resolve) => (release = () => resolve(path))));
    await eventually(() => copies().length === 1);
    expect(await read(cache, 'b')).toBe('b'.charCodeAt(0));
    expect(await read(cache, 'c')).toBe('c'.charCodeAt(0));
    await eventually(() => copies().length === 1);
    release();
    const aPath = await held;
    expect(existsSync(aPath), 'a, in use the whole time, stayed; b and c went in its place').toBe(true);
    expect(cache.heldBytes()).toBe(40 * KIB);
  });

  it('counts copies an earlier process left against its size', async () => {
    const first = new ObjectFileCache(store, cacheDir(), 1024 * KIB);
    await read(first, 'a');
    await read(first, 'b');
    writeFileSync(join(cacheDir(), '.a-download.part-1'), 'a temp file of a download cut off');
    const second = new ObjectFileCache(store, cacheDir(), 50 * KIB);
    await read(second, 'c');
    await eventually(() => copies().length === 1);
    expect(second.heldBytes()).toBe(40 * KIB);
  });
});

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

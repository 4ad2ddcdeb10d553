import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { OBJECT_ALREADY_EXISTS, OBJECT_SOURCE_FILE_NOT_FOUND, type ObjectStore } from './object-store.port';

export interface ObjectStoreFixture {
  readonly store: ObjectStore;
  /** Local files for putFile and getFile; its directories go with cleanup. */
  readonly files: ScratchFiles;
  cleanup(): Promise<void>;
}

/** The local file system as the file cases need it: packages/domain does no I/O, so the adapter's spec lends it. */
export interface ScratchFiles {
  /** A new empty directory. */
  makeDir(): Promise<string>;
  join(dir: string, name: string): string;
  /** Writes `sizeBytes` random bytes in bounded memory; answers their SHA-256 in hex. */
  writeRandom(path: string, sizeBytes: number): Promise<string>;
  /** Rewrites the file in place (truncating the same inode when it exists), as most writers do. */
  writeText(path: string, text: string): Promise<void>;
  /** The file's SHA-256 in hex, or null when there is no file. */
  sha256(path: string): Promise<string | null>;
  sizeOf(path: string): Promise<number | null>;
  /** The names in `dir`, sorted. */
  list(dir: string): Promise<string[]>;
}

const MIB = 1024 * 1024;
const BIG_FILE_BYTES = 50 * MIB;
/** Above S3's 5 MiB minimum part, so the S3 adapter sends it as a multipart upload. */
const MULTIPART_FILE_BYTES = 12 * MIB;

/**
 * The behaviour every ObjectStore adapter must show. Each run writes under its own random prefix and removes
 * what it wrote, so runs against a shared bucket do not see each other.
 */
export function testObjectStore(adapterName: string, makeStore: () => Promise<ObjectStoreFixture>): void {
  describe(`ObjectStore contract: ${adapterName}`, () => {
    const runPrefix = `contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}/`;
    let fixture: ObjectStoreFixture | undefined;
    const store = (): ObjectStore => {
      if (!fixture) throw new Error('the object store fixture did not start (see the beforeAll error)');
      return fixture.store;
    };
    const files = (): ScratchFiles => {
      if (!fixture) throw new Error('the object store fixture did not start (see the beforeAll error)');
      return fixture.files;
    };

    beforeAll(async () => {
      fixture = await makeStore();
    });

    afterAll(async () => {
      if (!fixture) return;
      try {
        const leftovers = await fixture.store.list(runPrefix);
        await forEachBounded(leftovers, 16, (key) => fixture!.store.delete(key));
      } finally {
        await fixture.cleanup();
      }
    });

    it('answers health as up', async () => {
      expect((await store().health()).up).toBe(true);
    });

    it('round-trips binary bytes, and put overwrites', async () => {
      const key = `${runPrefix}bytes/blob`;
      const body = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31 + (i >> 8)) % 256);
      await store().put(key, body, { contentType: 'application/octet-stream' });
      expect(await bytesAt(store(), key)).toEqual(body);

      const replacement = Uint8Array.of(0, 255, 0, 10, 13);
      await store().put(key, replacement);
      expect(await bytesAt(store(), key)).toEqual(replacement);
    });

    it('round-trips an empty object', async () => {
      const key = `${runPrefix}bytes/empty`;
      await store().putIfAbsent(key, new Uint8Array());
      expect(await bytesAt(store(), key)).toEqual(new Uint8Array());
    });

    it('answers null for a missing key', async () => {
      expect(await store().get(`${runPrefix}missing/nothing-here`)).toBeNull();
    });

    it('refuses a second putIfAbsent on a key and keeps the first content', async () => {
      const key = `${runPrefix}once/event-1`;
      await store().putIfAbsent(key, text('first'));

      const error = await store()
        .putIfAbsent(key, text('second'))
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: OBJECT_ALREADY_EXISTS, kind: 'conflict' });
      expect(await textAt(store(), key)).toBe('first');
    });

    it('refuses putIfAbsent over an object written by put', async () => {
      const key = `${runPrefix}once/checkpoint`;
      await store().put(key, text('mutable'));
      await expect(store().putIfAbsent(key, text('event'))).rejects.toMatchObject({
        code: OBJECT_ALREADY_EXISTS,
      });
      expect(await textAt(store(), key)).toBe('mutable');
    });

    it('lets exactly one of 20 concurrent putIfAbsent calls on one key win, and keeps the winner', async () => {
      const key = `${runPrefix}race/position-7`;
      // Large bodies keep each write in flight long enough for the contenders to overlap.
      const bodies = Array.from({ length: 20 }, (_, i) => {
        const body = new Uint8Array(256 * 1024).fill(i + 1);
        body[0] = i;
        return body;
      });
      const outcomes = await Promise.allSettled(bodies.map((body) => store().putIfAbsent(key, body)));

      const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      expect(winners).toHaveLength(1);
      for (const o of outcomes) {
        if (o.status === 'rejected')
          expect(o.reason).toMatchObject({ code: OBJECT_ALREADY_EXISTS, kind: 'conflict' });
      }
      expect(await bytesAt(store(), key)).toEqual(bodies[winners[0]!]);
    });

    it('lists keys under a prefix in ascending byte order, including keys that extend a segment', async () => {
      const base = `${runPrefix}order/`;
      // `/` sorts between `-` and `0`. No key is also another's folder (see ObjectStore).
      const expected = ['x/a-b', 'x/a/b', 'x/a/c/d', 'x/a0', 'x/ab', 'x/b'].map((k) => base + k);
      const outside = [`${base}w/a`, `${base}y`, `${base}x-`];
      for (const key of shuffled([...expected, ...outside])) await store().putIfAbsent(key, text(key));

      expect(await store().list(`${base}x/a`)).toEqual(expected.slice(0, 5));
      expect(await store().list(`${base}x/`)).toEqual(expected);
      expect(await store().list(`${base}nothing/`)).toEqual([]);
    });

    it('orders by UTF-8 bytes, not UTF-16 code units', async () => {
      const base = `${runPrefix}utf8-order/`;
      // U+FFFD sorts before U+1F600 in UTF-8 (EF.. < F0..), after it in UTF-16 (FFFD > D83D).
      const expected = ['A', 'a', 'é', '\uFFFD', '😀'].map((k) => base + k);
      for (const key of shuffled(expected)) await store().putIfAbsent(key, text(key));
      expect(await store().list(base)).toEqual(expected);
    });

    it('lists strictly after startAfter and at most limit keys', async () => {
      const base = `${runPrefix}paging/`;
      const keys = Array.from({ length: 8 }, (_, i) => `${base}k${i}`);
      for (const key of shuffled(keys)) await store().putIfAbsent(key, text(key));

      expect(await store().list(base, { startAfter: keys[2] })).toEqual(keys.slice(3));
      expect(await store().list(base, { limit: 3 })).toEqual(keys.slice(0, 3));
      expect(await store().list(base, { startAfter: keys[2], limit: 2 })).toEqual(keys.slice(3, 5));
      expect(await store().list(base, { startAfter: `${keys[4]}-between` })).toEqual(keys.slice(5));
      expect(await store().list(base, { startAfter: keys[7] })).toEqual([]);
      expect(await store().list(base, { startAfter: `${runPrefix}a-key-before-the-prefix` })).toEqual(keys);
    });

    it('lists past 1000 keys (more than one S3 page)', async () => {
      const base = `${runPrefix}many/`;
      const keys = Array.from({ length: 1100 }, (_, i) => `${base}${String(i).padStart(5, '0')}`);
      await forEachBounded(keys, 16, (key) => store().putIfAbsent(key, text('.')));

      expect(await store().list(base)).toEqual(keys);
      expect(await store().list(base, { limit: 1050 })).toEqual(keys.slice(0, 1050));
      expect(await store().list(base, { startAfter: keys[999] })).toEqual(keys.slice(1000));
      expect(await store().list(base, { startAfter: keys[10], limit: 1005 })).toEqual(keys.slice(11, 1016));
    });

    it('keeps keys with unicode, percent signs, spaces, dots and slashes distinct', async () => {
      const base = `${runPrefix}odd-keys/`;
      const suffixes = [
        'plain',
        'with space',
        'with  two spaces ',
        '100%',
        '%25',
        '%2F',
        'a%2Fb',
        'a/b',
        '...',
        '..x/.y',
        '.hidden',
        'Case',
        'case',
        'CASE.obj',
        'café',
        'cafe\u0301',
        '日本語/キー',
        '😀/🎉',
        'quote\'"*?<>|:\\',
        'tab\there',
      ];
      const keys = suffixes.map((s) => base + s);
      for (const key of keys) await store().putIfAbsent(key, text(`content of ${key}`));

      for (const key of keys) expect(await textAt(store(), key)).toBe(`content of ${key}`);
      expect(await store().list(base)).toEqual(sortedByUtf8(keys));
      expect(await store().get(`${base}a`)).toBeNull();
    });

    it('answers the size of an object, or null when there is none', async () => {
      await store().put(`${runPrefix}size/some`, new Uint8Array(70_000));
      await store().putIfAbsent(`${runPrefix}size/empty`, new Uint8Array());
      expect(await store().size(`${runPrefix}size/some`)).toBe(70_000);
      expect(await store().size(`${runPrefix}size/empty`)).toBe(0);
      expect(await store().size(`${runPrefix}size/missing`)).toBeNull();
    });

    it('round-trips a 50 MB file through putFile and getFile, byte for byte', async () => {
      const dir = await files().makeDir();
      const source = files().join(dir, 'source.bin');
      const sha256 = await files().writeRandom(source, BIG_FILE_BYTES);
      const key = `${runPrefix}files/big`;

      expect(await store().putFile(key, source, { contentType: 'application/octet-stream' })).toEqual({
        sizeBytes: BIG_FILE_BYTES,
      });
      expect(await store().size(key)).toBe(BIG_FILE_BYTES);

      const copy = files().join(dir, 'copy.bin');
      expect(await store().getFile(key, copy)).toBe(true);
      expect(await files().sha256(copy)).toBe(sha256);
      expect(await files().list(dir)).toEqual(['copy.bin', 'source.bin']);
    });

    it('round-trips an empty file, and putFile and getFile replace what was there', async () => {
      const dir = await files().makeDir();
      const empty = files().join(dir, 'empty');
      const small = files().join(dir, 'small');
      const copy = files().join(dir, 'copy');
      const emptySha256 = await files().writeRandom(empty, 0);
      const smallSha256 = await files().writeRandom(small, 1000);
      const key = `${runPrefix}files/replaced`;

      expect(await store().putFile(key, empty)).toEqual({ sizeBytes: 0 });
      expect(await store().getFile(key, copy)).toBe(true);
      expect(await files().sha256(copy)).toBe(emptySha256);

      await store().putFile(key, small);
      expect(await store().size(key)).toBe(1000);
      expect(await store().getFile(key, copy)).toBe(true);
      expect(await files().sha256(copy)).toBe(smallSha256);
    });

    it('refuses putFile with ifAbsent on an existing key and keeps the first content', async () => {
      const dir = await files().makeDir();
      const first = files().join(dir, 'first');
      const second = files().join(dir, 'second');
      const firstSha256 = await files().writeRandom(first, 1000);
      await files().writeRandom(second, MULTIPART_FILE_BYTES);
      const key = `${runPrefix}files/once`;

      expect(await store().putFile(key, first, { ifAbsent: true })).toEqual({ sizeBytes: 1000 });
      const error = await store()
        .putFile(key, second, { ifAbsent: true })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: OBJECT_ALREADY_EXISTS, kind: 'conflict' });
      const copy = files().join(dir, 'copy');
      await store().getFile(key, copy);
      expect(await files().sha256(copy)).toBe(firstSha256);

      const checkpoint = `${runPrefix}files/checkpoint`;
      await store().put(checkpoint, text('mutable'));
      await expect(store().putFile(checkpoint, first, { ifAbsent: true })).rejects.toMatchObject({
        code: OBJECT_ALREADY_EXISTS,
      });
      expect(await textAt(store(), checkpoint)).toBe('mutable');
    });

    it('lets exactly one of 4 concurrent putFile calls with ifAbsent on one key win, and keeps the winner', async () => {
      const dir = await files().makeDir();
      const sources = await Promise.all(
        Array.from({ length: 4 }, async (_, i) => {
          const path = files().join(dir, `contender-${i}`);
          return { path, sha256: await files().writeRandom(path, MULTIPART_FILE_BYTES) };
        }),
      );
      const key = `${runPrefix}files/race`;
      const outcomes = await Promise.allSettled(
        sources.map((source) => store().putFile(key, source.path, { ifAbsent: true })),
      );

      const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      expect(winners).toHaveLength(1);
      for (const o of outcomes) {
        if (o.status === 'rejected')
          expect(o.reason).toMatchObject({ code: OBJECT_ALREADY_EXISTS, kind: 'conflict' });
      }
      const copy = files().join(dir, 'copy');
      await store().getFile(key, copy);
      expect(await files().sha256(copy)).toBe(sources[winners[0]!]!.sha256);
    });

    it('answers false for getFile of a missing key and writes nothing', async () => {
      const dir = await files().makeDir();
      const existing = files().join(dir, 'existing');
      await files().writeText(existing, 'kept');

      expect(await store().getFile(`${runPrefix}missing/file`, files().join(dir, 'new'))).toBe(false);
      expect(await store().getFile(`${runPrefix}missing/file`, existing)).toBe(false);
      expect(await files().list(dir)).toEqual(['existing']);
      expect(await files().sizeOf(existing)).toBe('kept'.length);
    });

    it('refuses putFile of a missing local file and stores nothing', async () => {
      const dir = await files().makeDir();
      const key = `${runPrefix}files/from-nowhere`;
      await expect(store().putFile(key, files().join(dir, 'absent'))).rejects.toMatchObject({
        code: OBJECT_SOURCE_FILE_NOT_FOUND,
        kind: 'not_found',
      });
      expect(await store().size(key)).toBeNull();
    });

    it('never shows a reader part of a file, neither at the key nor on disk', async () => {
      const dir = await files().makeDir();
      const source = files().join(dir, 'source.bin');
      const sha256 = await files().writeRandom(source, BIG_FILE_BYTES);
      const key = `${runPrefix}files/watched`;
      const oldBytes = 1000;
      await store().put(key, new Uint8Array(oldBytes));

      const atKey = await watchWhile(store().putFile(key, source), () => store().size(key));
      expect(atKey.seen.filter((size) => size !== oldBytes && size !== BIG_FILE_BYTES)).toEqual([]);

      const target = files().join(dir, 'target.bin');
      await files().writeText(target, 'old');
      const onDisk = await watchWhile(store().getFile(key, target), () => files().sizeOf(target));
      expect(onDisk.result).toBe(true);
      expect(onDisk.seen.filter((size) => size !== 'old'.length && size !== BIG_FILE_BYTES)).toEqual([]);
      expect(await files().sha256(target)).toBe(sha256);
    });

    it('hands out copies: changing a got file or replacing the object leaves the other as it was', async () => {
      const dir = await files().makeDir();
      const source = files().join(dir, 'source');
      const sha256 = await files().writeRandom(source, 1000);
      const key = `${runPrefix}files/copied`;
      await store().putFile(key, source);

      const edited = files().join(dir, 'edited');
      await store().getFile(key, edited);
      await files().writeText(edited, 'changed in place');
      const kept = files().join(dir, 'kept');
      await store().getFile(key, kept);
      expect(await files().sha256(kept)).toBe(sha256);

      await store().put(key, text('replaced'));
      expect(await files().sha256(kept)).toBe(sha256);
      expect(await textAt(store(), key)).toBe('replaced');
    });

    it('deletes, tolerates deleting a missing key, and allows putIfAbsent again after delete', async () => {
      const key = `${runPrefix}delete/one`;
      const sibling = `${runPrefix}delete/two`;
      await store().putIfAbsent(key, text('old'));
      await store().putIfAbsent(sibling, text('stays'));

      await store().delete(key);
      expect(await store().get(key)).toBeNull();
      expect(await store().list(`${runPrefix}delete/`)).toEqual([sibling]);
      await store().delete(key);

      await store().putIfAbsent(key, text('new'));
      expect(await textAt(store(), key)).toBe('new');
    });
  });
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Calls `watch` over and over while `work` runs; answers what work returned and everything watch saw. */
async function watchWhile<T, W>(
  work: Promise<T>,
  watch: () => Promise<W>,
): Promise<{ result: T; seen: W[] }> {
  let running = true;
  const outcome = work
    .then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    )
    .finally(() => {
      running = false;
    });
  const seen: W[] = [];
  while (running) seen.push(await watch());
  const settled = await outcome;
  if (!settled.ok) throw settled.error;
  return { result: settled.value, seen };
}

async function bytesAt(store: ObjectStore, key: string): Promise<Uint8Array | null> {
  const bytes = await store.get(key);
  // Copy into a plain Uint8Array so Buffer-returning adapters compare equal.
  return bytes === null ? null : new Uint8Array(bytes);
}

async function textAt(store: ObjectStore, key: string): Promise<string | null> {
  const bytes = await store.get(key);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

function sortedByUtf8(keys: readonly string[]): string[] {
  const encoder = new TextEncoder();
  const compare = (a: Uint8Array, b: Uint8Array) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  return [...keys].sort((a, b) => compare(encoder.encode(a), encoder.encode(b)));
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function forEachBounded<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

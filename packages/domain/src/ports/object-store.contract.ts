import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { OBJECT_ALREADY_EXISTS, type ObjectStore } from './object-store.port';

export interface ObjectStoreFixture {
  readonly store: ObjectStore;
  cleanup(): Promise<void>;
}

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

/**
 * Counts distinct values in bounded memory: exactly, with each value's count, while there are at most `exactLimit`
 * of them; after that it estimates with a k-minimum-values sketch (the k smallest 32-bit hashes of the distinct
 * values seen; about 3% error for k = 1,024), seeded with the values counted exactly so far.
 */

/** Longer values are kept by hash: they are never enum values, only counted. */
const MAX_KEPT_LENGTH = 100;
const SKETCH_SIZE = 1024;
const HASH_SPACE = 2 ** 32;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A final avalanche so that similar short strings spread over the whole range the sketch relies on.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The k smallest hashes, as a max-heap so the largest is the one to drop. */
class MinValuesSketch {
  private readonly heap: number[] = [];
  private readonly members = new Set<number>();

  add(hash: number): void {
    if (this.heap.length < SKETCH_SIZE) {
      if (this.members.has(hash)) return;
      this.members.add(hash);
      this.heap.push(hash);
      this.siftUp(this.heap.length - 1);
    } else if (hash < this.heap[0]! && !this.members.has(hash)) {
      this.members.delete(this.heap[0]!);
      this.members.add(hash);
      this.heap[0] = hash;
      this.siftDown(0);
    }
  }

  estimate(): number {
    if (this.heap.length < SKETCH_SIZE) return this.heap.length;
    return Math.round(((SKETCH_SIZE - 1) * HASH_SPACE) / (this.heap[0]! + 1));
  }

  private siftUp(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent]! >= h[i]!) return;
      [h[parent], h[i]] = [h[i]!, h[parent]!];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < h.length && h[left]! > h[largest]!) largest = left;
      if (right < h.length && h[right]! > h[largest]!) largest = right;
      if (largest === i) return;
      [h[largest], h[i]] = [h[i]!, h[largest]!];
      i = largest;
    }
  }
}

export class DistinctCounter {
  private readonly counts = new Map<string, number>();
  private sketch: MinValuesSketch | null = null;

  constructor(private readonly exactLimit: number) {}

  add(value: string): void {
    if (this.sketch) {
      this.sketch.add(fnv1a(value));
      return;
    }
    const key = value.length > MAX_KEPT_LENGTH ? `\u0000${fnv1a(value)}:${value.length}` : value;
    const seen = this.counts.get(key);
    if (seen !== undefined) this.counts.set(key, seen + 1);
    else if (this.counts.size < this.exactLimit) this.counts.set(key, 1);
    else this.overflow(value);
  }

  get exact(): boolean {
    return this.sketch === null;
  }

  get count(): number {
    return this.sketch ? Math.max(this.sketch.estimate(), this.exactLimit + 1) : this.counts.size;
  }

  /** Values with their counts, most frequent first, while exact; hashed long values are left out. */
  values(): { value: string; count: number }[] {
    if (this.sketch) return [];
    return [...this.counts]
      .filter(([v]) => !v.startsWith('\u0000'))
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }

  private overflow(value: string): void {
    const sketch = new MinValuesSketch();
    for (const key of this.counts.keys())
      sketch.add(key.startsWith('\u0000') ? Number(key.slice(1, key.indexOf(':'))) : fnv1a(key));
    sketch.add(fnv1a(value));
    this.counts.clear();
    this.sketch = sketch;
  }
}

import { describe, expect, it } from 'vitest';
import { DistinctCounter } from './distinct-counter';

describe('DistinctCounter', () => {
  it('counts exactly, with each value’s count, up to its limit', () => {
    const counter = new DistinctCounter(3);
    for (const v of ['b', 'a', 'b', 'c', 'b']) counter.add(v);
    expect([counter.exact, counter.count]).toEqual([true, 3]);
    expect(counter.values()).toEqual([
      { value: 'b', count: 3 },
      { value: 'a', count: 1 },
      { value: 'c', count: 1 },
    ]);
  });

  it('estimates past its limit within a few percent, in bounded memory', () => {
    const counter = new DistinctCounter(1000);
    for (let i = 0; i < 200_000; i++) counter.add(`ORD-${i % 100_000}`);
    expect(counter.exact).toBe(false);
    expect(counter.values()).toEqual([]);
    expect(Math.abs(counter.count - 100_000) / 100_000).toBeLessThan(0.06);
  });
});

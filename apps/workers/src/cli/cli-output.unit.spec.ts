import { describe, expect, it } from 'vitest';
import { flatten, keyValues, table, truncate } from './cli-output';

describe('CLI output', () => {
  it('flattens nested payloads into dotted paths with readable leaves', () => {
    expect(
      flatten({ apiName: 'Vessel', primaryKey: null, properties: [{ apiName: 'code', required: true }], tags: [], meta: {} }),
    ).toEqual([
      ['apiName', 'Vessel'],
      ['primaryKey', 'null'],
      ['properties.0.apiName', 'code'],
      ['properties.0.required', 'true'],
      ['tags', '[]'],
      ['meta', '{}'],
    ]);
  });

  it('aligns table columns and key/value blocks', () => {
    expect(table(['A', 'LONGER'], [['xyz', '1'], ['', '22']])).toBe('A    LONGER\nxyz  1\n     22');
    expect(keyValues([['a', '1'], ['bbb', '2']])).toBe('  a    1\n  bbb  2');
  });

  it('truncates long text to one line', () => {
    expect(truncate('first line\nsecond   line', 100)).toBe('first line second line');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
  });
});

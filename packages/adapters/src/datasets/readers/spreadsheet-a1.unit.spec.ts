import { describe, expect, it } from 'vitest';
import { columnLetters, formatRange, parseCellRef, parseRange } from './spreadsheet-a1';

describe('A1 notation', () => {
  it('names columns by letters, as far as XFD', () => {
    expect([1, 26, 27, 52, 703, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA', 'XFD']);
    expect(parseCellRef('XFD1048576')).toEqual({ row: 1048576, column: 16384 });
    expect(parseCellRef('$b$4')).toEqual({ row: 4, column: 2 });
  });

  it('reads ranges with their corners in any order, and refuses what is not a range', () => {
    expect(parseRange('E20:A4')).toEqual({ top: 4, left: 1, bottom: 20, right: 5 });
    expect(parseRange('C3')).toEqual({ top: 3, left: 3, bottom: 3, right: 3 });
    expect(['A4-E9', 'A0:B2', 'A1:B2:C3', '', '4A:B5'].map(parseRange)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(formatRange({ top: 4, left: 1, bottom: 20, right: 5 })).toBe('A4:E20');
  });
});

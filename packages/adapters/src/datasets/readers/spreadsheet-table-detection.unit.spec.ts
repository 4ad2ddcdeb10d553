import { describe, expect, it } from 'vitest';
import type { CellRange } from './spreadsheet-a1';
import { findTableCandidates, SheetShape } from './spreadsheet-table-detection';

/** Rows as sparse arrays of cell texts, column A first; undefined and null are blank. */
function shapeOf(rows: Record<number, (string | null | undefined)[]>): SheetShape {
  const shape = new SheetShape();
  for (const [row, texts] of Object.entries(rows)) {
    const cells = texts.flatMap((text, index) => (text == null ? [] : [{ column: index + 1, text }]));
    if (cells.length > 0) shape.add({ row: Number(row), cells });
  }
  return shape;
}

const candidatesOf = (rows: Record<number, (string | null | undefined)[]>, merges: CellRange[] = []) =>
  findTableCandidates('S', shapeOf(rows).blocks, merges);

describe('findTableCandidates', () => {
  it('skips a title and a two-cell date line directly above the header', () => {
    const [best] = candidatesOf({
      1: ['분기 실적'],
      2: ['기준일', '2024-03-31'],
      3: ['지역', '매출', '비용', '이익', '비고'],
      4: ['서울', '1', '2', '3', 'x'],
    });
    expect(best).toMatchObject({
      range: 'A3:E4',
      headerRow: 3,
      rowCount: 1,
      notes: ['title block above the header skipped (rows 1–2: "분기 실적", "기준일 2024-03-31")'],
    });
  });

  it('reads a one-column list as a table, not as a title', () => {
    expect(candidatesOf({ 1: ['이름'], 2: ['김'], 3: ['이'], 4: ['박'] })).toEqual([
      { sheet: 'S', range: 'A1:A4', headerRow: 1, columns: ['이름'], rowCount: 3, notes: [] },
    ]);
  });

  it('ranks a table with a clean header above a bigger one whose header has a gap', () => {
    const candidates = candidatesOf({
      1: ['a', 'b', null, null, 'x', null, 'z'],
      2: ['1', '2', null, null, '1', '2', '3'],
      3: ['1', '2', null, null, '1', '2', '3'],
    });
    expect(candidates.map((candidate) => [candidate.range, candidate.columns])).toEqual([
      ['A1:B3', ['a', 'b']],
      ['E1:G3', ['x', '', 'z']],
    ]);
  });

  it('reports a header merged over three rows as something it cannot read', () => {
    const candidates = candidatesOf(
      { 1: ['지역', '합계'], 2: [null, '소계'], 3: [null, '값'], 4: ['서울', '1'] },
      [{ top: 1, left: 1, bottom: 3, right: 1 }],
    );
    expect(candidates.map((candidate) => [candidate.range, candidate.notes])).toEqual([
      [
        'A1:B4',
        [
          'The header cells A1:A3 are merged over 3 rows; only headers of one or two rows can be read. ' +
            'Unmerge them, or choose a range that starts at the last header row.',
        ],
      ],
    ]);
  });
});

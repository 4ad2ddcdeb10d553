import { describe, expect, it } from 'vitest';
import { firstRowLooksLikeHeader, headerProblems, positionalNames } from './csv-header';

describe('firstRowLooksLikeHeader', () => {
  it('a first row with an empty cell over a column that is never empty below is a header', () => {
    expect(
      firstRowLooksLikeHeader(
        [null, 'name'],
        [
          ['1', 'a'],
          ['2', 'b'],
        ],
      ),
    ).toBe(true);
  });

  it('a first row with a number in it is data', () => {
    expect(firstRowLooksLikeHeader([null, '2024'], [['1', 'a']])).toBe(false);
  });

  it('an empty first-row cell over a column with gaps below says nothing', () => {
    expect(
      firstRowLooksLikeHeader(
        [null, 'name'],
        [
          ['1', 'a'],
          [null, 'b'],
        ],
      ),
    ).toBe(false);
    expect(firstRowLooksLikeHeader(['id', 'name'], [])).toBe(false);
  });
});

describe('headerProblems', () => {
  it('accepts unique, present names', () => {
    expect(headerProblems(['id', '이름', 'Amount'], 1)).toEqual([]);
  });

  it('reports empty and blank names, and names repeated in any case, at their column', () => {
    expect(headerProblems(['id', null, ' ', 'ID'], 3)).toEqual([
      {
        rule: 'empty-header',
        line: 3,
        column: 2,
        message:
          'Column 2 has no name in the header (line 3). Name it, or read the file as having no header row.',
      },
      {
        rule: 'empty-header',
        line: 3,
        column: 3,
        message:
          'Column 3 has no name in the header (line 3). Name it, or read the file as having no header row.',
      },
      {
        rule: 'duplicate-header',
        line: 3,
        column: 4,
        message:
          'Columns 1 and 4 are named "id" and "ID", which differ only in case in the header (line 3); column names must be unique.',
      },
    ]);
  });
});

describe('positionalNames', () => {
  it('counts from 1', () => {
    expect(positionalNames(3)).toEqual(['column1', 'column2', 'column3']);
  });
});

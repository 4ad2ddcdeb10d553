import { describe, expect, it } from 'vitest';
import {
  dateKindOfFormat,
  isoDateCellText,
  plainNumberText,
  serialToDateText,
} from './spreadsheet-cell-text';

describe('plainNumberText', () => {
  it.each([
    ['0.30000000000000004', '0.3'],
    ['100', '100'],
    ['-0', '0'],
    ['1E+21', '1000000000000000000000'],
    ['1.2345678901234567E+21', '1234567890123460000000'],
    ['1.5E-7', '0.00000015'],
    ['-1.5E-7', '-0.00000015'],
    ['12345678901234567', '12345678901234600'],
    ['3.14159265358979323846', '3.14159265358979'],
  ])('%s -> %s', (stored, shown) => {
    expect(plainNumberText(stored)).toBe(shown);
  });
});

describe('dateKindOfFormat', () => {
  it.each([
    [14, undefined, 'date'],
    [20, undefined, 'time'],
    [22, undefined, 'datetime'],
    [31, undefined, 'date'],
    [2, undefined, null],
    [164, 'yyyy-mm-dd', 'date'],
    [164, 'yyyy"년" m"월" d"일"', 'date'],
    [164, '[$-412]yyyy-mm-dd hh:mm', 'datetime'],
    [164, 'h:mm AM/PM', 'time'],
    [164, 'mm:ss', 'time'],
    [164, '[h]:mm:ss', null],
    [164, '#,##0.00_);[Red](#,##0.00)', null],
    [164, '0.00E+00', null],
    [164, '"Day "0', null],
    [164, '0%', null],
  ] as const)('%i %s -> %s', (id, code, kind) => {
    expect(dateKindOfFormat(id, code)).toBe(kind);
  });
});

describe('serialToDateText', () => {
  it('counts the 1900 system from 1900-01-01, across its phantom leap day', () => {
    expect(serialToDateText(1, 'date', false)).toBe('1900-01-01');
    expect(serialToDateText(59, 'date', false)).toBe('1900-02-28');
    expect(serialToDateText(60, 'date', false)).toBe('1900-02-29');
    expect(serialToDateText(61, 'date', false)).toBe('1900-03-01');
    expect(serialToDateText(45352, 'date', false)).toBe('2024-03-01');
  });

  it('counts the 1904 system from 1904-01-01', () => {
    expect(serialToDateText(0, 'date', true)).toBe('1904-01-01');
    expect(serialToDateText(43890, 'date', true)).toBe('2024-03-01');
  });

  it('writes times and date-times, with milliseconds only when there are any', () => {
    expect(serialToDateText(45352.604224537, 'datetime', false)).toBe('2024-03-01 14:30:05');
    expect(serialToDateText(0.5, 'time', false)).toBe('12:00:00');
    expect(serialToDateText(0.5 + (1 / 86_400_000) * 250, 'time', false)).toBe('12:00:00.250');
    expect(serialToDateText(-1, 'date', false)).toBeNull();
  });

  it('writes ISO date cells like the others', () => {
    expect(isoDateCellText('2024-03-01T14:30:00Z')).toBe('2024-03-01 14:30:00');
  });
});

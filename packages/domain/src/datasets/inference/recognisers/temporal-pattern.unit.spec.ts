import { describe, expect, it } from 'vitest';
import { InvalidPatternError, compileTemporalPattern, readTemporal, toIsoText } from './temporal-pattern';

const read = (text: string, pattern: string) => {
  const r = readTemporal(text, pattern);
  return r.ok ? toIsoText(r.value, r.value.time !== null) : r.problem;
};

const invalid = (pattern: string) => {
  try {
    compileTemporalPattern(pattern);
    return 'compiled';
  } catch (e) {
    return e instanceof InvalidPatternError ? e.message : String(e);
  }
};

describe('temporal patterns', () => {
  it('reads fields at their written width when nothing separates them', () => {
    expect(read('20240305', 'yyyyMMdd')).toBe('2024-03-05');
    expect(read('2024035', 'yyyyMMdd')).toBe('does not match yyyyMMdd');
    expect(read('2024-3-5', 'yyyy-MM-dd')).toBe('2024-03-05');
  });

  it('reads optional sections, quoted literals, fractions and zones', () => {
    const pattern = "yyyy-MM-dd['T'HH:mm[:ss[.SSS]]][XXX]";
    expect(read('2024-03-05T23:30:15.123456+09:00', pattern)).toBe('2024-03-05T14:30:15.123456Z');
    expect(read('2024-03-05T23:30', pattern)).toBe('2024-03-05T23:30:00');
    expect(read('2024-12-31T23:30:00-05:00', pattern)).toBe('2025-01-01T04:30:00Z');
    expect(read('2024-03-05 10:00:00 UTC', 'yyyy-MM-dd HH:mm:ss XXX')).toBe('2024-03-05T10:00:00Z');
  });

  it('reads English month names in either length', () => {
    expect(read('Sept 5, 2024', 'MMM d, yyyy')).toBe('2024-09-05');
    expect(read('September 5, 2024', 'MMM d, yyyy')).toBe('2024-09-05');
    expect(read('Sep 5, 2024', 'MMMM d, yyyy')).toBe('2024-09-05');
    expect(read('Foo 5, 2024', 'MMM d, yyyy')).toBe('the month name is not an English month');
  });

  it('checks that times exist', () => {
    expect(read('2024-03-05 24:00', 'yyyy-MM-dd HH:mm')).toBe('hour 24 is out of range');
    expect(read('2024-03-05 10:60', 'yyyy-MM-dd HH:mm')).toBe('minute 60 is out of range');
    expect(read('2024-03-05 10:00+15:00', 'yyyy-MM-dd HH:mmXXX')).toBe('zone offset +15:00 is out of range');
    expect(read('2023-02-29', 'yyyy-MM-dd')).toBe('day 29 does not exist in February 2023');
  });

  it('refuses patterns it cannot read with', () => {
    expect(invalid('yy-MM-dd')).toBe('the year is written yyyy');
    expect(invalid('yyyy-MM')).toBe('the pattern has no day (d)');
    expect(invalid('yyyy-dd')).toBe('the pattern has no month (M)');
    expect(invalid("yyyy-MM-dd'T")).toBe('a quote is not closed');
    expect(invalid('yyyy-MM-dd[ HH:mm')).toBe('a "[" is not closed');
    expect(invalid('yyyy-MM-dd hh:mm')).toBe('h (1-12) needs a (AM/PM) and a needs h');
  });
});

import { describe, expect, it } from 'vitest';
import { constraintIssues, valueProblem, ZConstraints, type Constraints } from './constraints';
import type { DataType } from './data-type';

const issues = (dataType: DataType, c: Constraints) => constraintIssues(dataType, c, 'constraints');
const issue = (path: string, message: string) => ({ path: `constraints.${path}`, rule: 'constraint', message });

describe('constraints that fit their type', () => {
  it('takes min and max on numbers and dates, length, pattern and enum values on text', () => {
    expect(issues('integer', { min: 0, max: 10 })).toEqual([]);
    expect(issues({ type: 'decimal', precision: 10, scale: 2 }, { min: -1.5 })).toEqual([]);
    expect(issues({ type: 'money', currency: 'USD' }, { max: 1e6 })).toEqual([]);
    expect(issues('date', { min: '2020-01-01', max: '2030-12-31' })).toEqual([]);
    expect(issues('timestamp', { min: '2020-01-01T00:00:00Z', max: '2030-01-01T00:00:00.000+09:00' })).toEqual([]);
    expect(issues('string', { minLength: 1, maxLength: 10, pattern: '^[A-Z]+$', enumValues: ['A', 'B'] })).toEqual([]);
    expect(issues('email', { maxLength: 200, pattern: '@spice\\.local$' })).toEqual([]);
  });

  it('refuses min and max on anything but numbers and dates', () => {
    expect(issues('string', { min: 1, max: 2 })).toEqual([
      issue('min', 'only numeric and date properties take min; this one is string'),
      issue('max', 'only numeric and date properties take max; this one is string'),
    ]);
    expect(issues('boolean', { min: 0 })).toEqual([issue('min', 'only numeric and date properties take min; this one is boolean')]);
    expect(issues({ type: 'array', elementType: 'integer' }, { max: 3 })).toEqual([issue('max', 'only numeric and date properties take max; this one is array<integer>')]);
  });

  it('wants numbers for numeric bounds and ISO text for date bounds', () => {
    expect(issues('integer', { min: '1' })).toEqual([issue('min', 'must be a number for an integer property')]);
    expect(issues({ type: 'decimal', precision: 5, scale: 1 }, { max: '9.9' })).toEqual([issue('max', 'must be a number for a decimal(5,1) property')]);
    expect(issues('date', { min: 20200101 })).toEqual([issue('min', 'must be an ISO date for a date property')]);
    expect(issues('date', { max: '2020-01-01T00:00:00Z' })).toEqual([issue('max', 'must be an ISO date for a date property')]);
    expect(issues('timestamp', { min: '2020-01-01' })).toEqual([issue('min', 'must be an ISO timestamp for a timestamp property')]);
    expect(issues('timestamp', { max: '2020-01-01T00:00:00' })).toEqual([issue('max', 'must be an ISO timestamp for a timestamp property')]);
  });

  it('refuses min above max', () => {
    expect(issues('double', { min: 5, max: 1 })).toEqual([issue('min', 'min 5 is greater than max 1')]);
    expect(issues('date', { min: '2030-01-01', max: '2020-01-01' })).toEqual([issue('min', 'min 2030-01-01 is greater than max 2020-01-01')]);
    expect(issues('double', { min: 1, max: 1 })).toEqual([]);
  });

  it('refuses length and pattern on anything but text', () => {
    expect(issues('integer', { minLength: 1, maxLength: 3, pattern: '^\\d+$' })).toEqual([
      issue('minLength', 'only text properties take minLength; this one is integer'),
      issue('maxLength', 'only text properties take maxLength; this one is integer'),
      issue('pattern', 'only text properties take pattern; this one is integer'),
    ]);
  });

  it('refuses minLength above maxLength', () => {
    expect(issues('string', { minLength: 5, maxLength: 2 })).toEqual([issue('minLength', 'minLength 5 is greater than maxLength 2')]);
  });

  it('refuses a pattern that is not a regular expression', () => {
    expect(issues('string', { pattern: '([a-z' })).toEqual([
      issue('pattern', 'is not a valid regular expression: Invalid regular expression: /([a-z/u: Unterminated character class'),
    ]);
  });

  it('takes enumValues only on string properties', () => {
    expect(issues('email', { enumValues: ['a@b.co'] })).toEqual([
      issue('enumValues', 'only string properties take enumValues (use the enum type otherwise); this one is email'),
    ]);
    expect(issues({ type: 'enum', values: ['a'] }, { enumValues: ['a'] })).toEqual([
      issue('enumValues', 'only string properties take enumValues (use the enum type otherwise); this one is enum(a)'),
    ]);
  });

  it('is strict about its own shape', () => {
    expect(ZConstraints.safeParse({ minimum: 1 }).error!.issues.map((i) => i.message)).toEqual(['Unrecognized key: "minimum"']);
    expect(ZConstraints.safeParse({ maxLength: 0 }).success).toBe(false);
    expect(ZConstraints.safeParse({ minLength: -1 }).success).toBe(false);
    expect(ZConstraints.safeParse({ enumValues: [] }).success).toBe(false);
  });
});

describe('valueProblem: is a value valid for the type and its constraints?', () => {
  it('accepts values of the type', () => {
    const ok: [DataType, unknown][] = [
      ['string', 'x'],
      ['integer', -(2 ** 31)],
      ['long', Number.MAX_SAFE_INTEGER],
      ['double', 1.5],
      ['boolean', false],
      ['date', '2025-01-31'],
      ['timestamp', '2025-01-31T12:00:00.123+09:00'],
      ['geopoint', { lat: 37.5, lon: 127 }],
      ['email', 'ada@spice.local'],
      ['phone', '+82 (2) 123-4567'],
      ['url', 'https://spice.local/x'],
      [{ type: 'decimal', precision: 10, scale: 2 }, '12.50'],
      [{ type: 'money', currency: 'KRW' }, 1000],
      [{ type: 'enum', values: ['open', 'closed'] }, 'open'],
      [{ type: 'array', elementType: 'integer' }, [1, 2]],
      [{ type: 'struct', fields: [{ name: 'n', dataType: 'integer' }] }, { n: 1 }],
      [{ type: 'struct', fields: [{ name: 'n', dataType: 'integer' }] }, {}],
    ];
    for (const [t, v] of ok) expect(valueProblem(t, {}, v), `${JSON.stringify(v)} as ${JSON.stringify(t)}`).toBeNull();
  });

  it('says why a value is not of the type', () => {
    expect(valueProblem('string', {}, 3)).toBe('3 is not a string');
    expect(valueProblem('integer', {}, 1.5)).toBe('1.5 is not an integer');
    expect(valueProblem('integer', {}, 2 ** 31)).toBe('2147483648 is not an integer');
    expect(valueProblem('long', {}, 2 ** 53)).toBe('9007199254740992 is not a long');
    expect(valueProblem('double', {}, '1.5')).toBe('"1.5" is not a double');
    expect(valueProblem('boolean', {}, 'true')).toBe('"true" is not a boolean');
    expect(valueProblem('date', {}, '2025-1-1')).toBe('"2025-1-1" is not an ISO date (YYYY-MM-DD)');
    expect(valueProblem('timestamp', {}, '2025-01-01T00:00:00')).toBe('"2025-01-01T00:00:00" is not an ISO timestamp with a zone');
    expect(valueProblem('geopoint', {}, [37, 127])).toBe('[37,127] is not a geopoint {lat, lon}');
    expect(valueProblem('email', {}, 'ada')).toBe('"ada" is not an email');
    expect(valueProblem('phone', {}, 'call me')).toBe('"call me" is not a phone');
    expect(valueProblem('url', {}, 'not a url')).toBe('"not a url" is not a url');
    expect(valueProblem({ type: 'decimal', precision: 10, scale: 2 }, {}, '1,5')).toBe('"1,5" is not a decimal(10,2)');
    expect(valueProblem({ type: 'enum', values: ['open', 'closed'] }, {}, 'ajar')).toBe('"ajar" is not one of open, closed');
    expect(valueProblem({ type: 'array', elementType: 'integer' }, {}, 1)).toBe('1 is not an array<integer>');
    expect(valueProblem({ type: 'array', elementType: 'integer' }, {}, [1, 'two'])).toBe('"two" is not an integer');
    expect(valueProblem({ type: 'struct', fields: [{ name: 'n', dataType: 'integer' }] }, {}, { n: 'x' })).toBe('n: "x" is not an integer');
  });

  it('says which constraint a value breaks', () => {
    expect(valueProblem('integer', { min: 1 }, 0)).toBe('0 is below the minimum 1');
    expect(valueProblem('double', { max: 1 }, 1.5)).toBe('1.5 is above the maximum 1');
    expect(valueProblem({ type: 'decimal', precision: 10, scale: 2 }, { max: 10 }, '10.01')).toBe('10.01 is above the maximum 10');
    expect(valueProblem('date', { min: '2025-01-01' }, '2024-12-31')).toBe('2024-12-31 is before the minimum 2025-01-01');
    expect(valueProblem('date', { max: '2025-01-01' }, '2025-01-02')).toBe('2025-01-02 is after the maximum 2025-01-01');
    expect(valueProblem('string', { minLength: 3 }, 'ab')).toBe('"ab" is shorter than 3 characters');
    expect(valueProblem('string', { maxLength: 3 }, 'abcd')).toBe('"abcd" is longer than 3 characters');
    expect(valueProblem('string', { pattern: '^[A-Z]{3}$' }, 'abc')).toBe('"abc" does not match the pattern ^[A-Z]{3}$');
    expect(valueProblem('string', { enumValues: ['a', 'b'] }, 'c')).toBe('"c" is not one of a, b');
    expect(valueProblem('integer', { min: 1, max: 3 }, 2)).toBeNull();
  });
});

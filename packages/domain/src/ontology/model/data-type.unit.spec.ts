import { describe, expect, it } from 'vitest';
import { describeDataType, isPrimaryKeyType, isWidening, sameDataType, ZDataType, type DataType } from './data-type';

const KNOWN = 'string, integer, long, double, boolean, date, timestamp, geopoint, email, phone, url, decimal, array, struct, money, enum';

/** The [path, message] of each issue parsing `input` gives. */
const problems = (input: unknown) => {
  const parsed = ZDataType.safeParse(input);
  expect(parsed.success, `${JSON.stringify(input)} should not parse`).toBe(false);
  return parsed.error!.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('ZDataType', () => {
  it('takes simple types as bare names and parameterised ones as objects', () => {
    for (const name of ['string', 'integer', 'long', 'double', 'boolean', 'date', 'timestamp', 'geopoint', 'email', 'phone', 'url'])
      expect(ZDataType.parse(name)).toBe(name);
    const structured: DataType[] = [
      { type: 'decimal', precision: 10, scale: 2 },
      { type: 'array', elementType: { type: 'array', elementType: 'string' } },
      { type: 'struct', fields: [{ name: 'street', dataType: 'string' }, { name: 'geo', dataType: 'geopoint' }] },
      { type: 'money', currency: 'KRW' },
      { type: 'enum', values: ['open', 'closed'] },
    ];
    for (const t of structured) expect(ZDataType.parse(t)).toEqual(t);
  });

  it('reads the first version’s bare "decimal" as the widest decimal', () => {
    expect(ZDataType.parse('decimal')).toEqual({ type: 'decimal', precision: 38, scale: 18 });
    expect(ZDataType.parse({ type: 'array', elementType: 'decimal' })).toEqual({ type: 'array', elementType: { type: 'decimal', precision: 38, scale: 18 } });
  });

  it('names an unknown type and lists the known ones', () => {
    expect(problems('blob')).toEqual([['', `unknown data type "blob"; expected one of ${KNOWN}`]]);
    expect(problems({ type: 'blob' })).toEqual([['', `unknown data type "blob"; expected one of ${KNOWN}`]]);
    expect(problems('String')).toEqual([['', `unknown data type "String"; expected one of ${KNOWN}`]]);
  });

  it('says a parameterised type written as a bare name needs its parameters', () => {
    expect(problems('array')).toEqual([['', 'data type "array" needs parameters: write it as an object with type "array"']]);
    expect(problems('money')).toEqual([['', 'data type "money" needs parameters: write it as an object with type "money"']]);
  });

  it('says what a data type looks like when given something else', () => {
    const expected = [['', 'must be a data type name such as "string" or an object such as {"type": "decimal", "precision": 10, "scale": 2}']];
    expect(problems(42)).toEqual(expected);
    expect(problems(null)).toEqual(expected);
    expect(problems(['string'])).toEqual(expected);
  });

  it('points inside nested types', () => {
    expect(problems({ type: 'array', elementType: 'blob' })).toEqual([['', `elementType: unknown data type "blob"; expected one of ${KNOWN}`]]);
    expect(problems({ type: 'struct', fields: [{ name: 'a', dataType: 'blob' }] })).toEqual([['', `fields.0.dataType: unknown data type "blob"; expected one of ${KNOWN}`]]);
  });

  it('checks decimal precision and scale', () => {
    expect(problems({ type: 'decimal', precision: 0, scale: 0 })).toEqual([['precision', 'precision must be 1 to 38']]);
    expect(problems({ type: 'decimal', precision: 39, scale: 0 })).toEqual([['precision', 'precision must be 1 to 38']]);
    expect(problems({ type: 'decimal', precision: 5, scale: -1 })).toEqual([['scale', 'scale must not be negative']]);
    expect(problems({ type: 'decimal', precision: 5, scale: 6 })).toEqual([['scale', 'scale must not exceed precision']]);
    expect(problems({ type: 'decimal', precision: 5, scale: 2, digits: 3 })).toEqual([['', 'Unrecognized key: "digits"']]);
  });

  it('checks struct fields, money currencies and enum values', () => {
    expect(problems({ type: 'struct', fields: [] })).toEqual([['fields', 'a struct needs at least one field']]);
    expect(problems({ type: 'struct', fields: [{ name: '1st', dataType: 'string' }] })).toEqual([['fields.0.name', 'letters, digits and _']]);
    expect(
      problems({
        type: 'struct',
        fields: [
          { name: 'a', dataType: 'string' },
          { name: 'A', dataType: 'string' },
        ],
      }),
    ).toEqual([['fields', 'struct field names must be unique']]);
    expect(problems({ type: 'money', currency: 'usd' })).toEqual([['currency', 'an ISO 4217 code such as USD or KRW']]);
    expect(problems({ type: 'enum', values: [] })).toEqual([['values', 'an enum needs at least one value']]);
    expect(problems({ type: 'enum', values: [''] })).toEqual([['values.0', 'enum values must not be empty']]);
    expect(problems({ type: 'enum', values: ['a', 'a'] })).toEqual([['values', 'enum values must be unique']]);
  });
});

describe('describeDataType and sameDataType', () => {
  it('write every type the way messages show it', () => {
    expect(
      [
        'long',
        { type: 'decimal', precision: 10, scale: 2 },
        { type: 'array', elementType: { type: 'money', currency: 'EUR' } },
        { type: 'struct', fields: [{ name: 'lat', dataType: 'double' }, { name: 'tags', dataType: { type: 'array', elementType: 'string' } }] },
        { type: 'enum', values: ['a', 'b'] },
      ].map((t) => describeDataType(t as DataType)),
    ).toEqual(['long', 'decimal(10,2)', 'array<money(EUR)>', 'struct{lat: double, tags: array<string>}', 'enum(a, b)']);
  });

  it('compare structure, not identity', () => {
    expect(sameDataType({ type: 'decimal', precision: 10, scale: 2 }, { type: 'decimal', precision: 10, scale: 2 })).toBe(true);
    expect(sameDataType({ type: 'decimal', precision: 10, scale: 2 }, { type: 'decimal', precision: 10, scale: 3 })).toBe(false);
    expect(sameDataType({ type: 'enum', values: ['a', 'b'] }, { type: 'enum', values: ['b', 'a'] })).toBe(false);
  });

  it('allow only string, integer and long as primary keys', () => {
    expect(['string', 'integer', 'long', 'double', 'email', 'date'].map((t) => isPrimaryKeyType(t as DataType))).toEqual([true, true, true, false, false, false]);
    expect(isPrimaryKeyType({ type: 'enum', values: ['a'] })).toBe(false);
  });
});

describe('isWidening: does every value of the old type stay a value of the new one?', () => {
  const dec = (precision: number, scale: number): DataType => ({ type: 'decimal', precision, scale });
  const en = (...values: string[]): DataType => ({ type: 'enum', values });
  const arr = (elementType: DataType): DataType => ({ type: 'array', elementType });
  const struct = (...fields: [string, DataType][]): DataType => ({ type: 'struct', fields: fields.map(([name, dataType]) => ({ name, dataType })) });

  const table: [DataType, DataType, boolean][] = [
    ['string', 'string', true],
    ['integer', 'long', true],
    ['integer', 'double', true],
    ['long', 'double', false],
    ['long', 'integer', false],
    ['double', 'integer', false],
    ['double', 'long', false],
    ['integer', dec(10, 0), true],
    ['integer', dec(12, 3), false],
    ['integer', dec(9, 0), false],
    ['long', dec(19, 0), true],
    ['long', dec(38, 18), true],
    ['long', dec(18, 0), false],
    [dec(10, 2), dec(12, 4), true],
    [dec(10, 2), dec(11, 1), false],
    [dec(10, 2), dec(10, 3), false],
    [dec(10, 2), 'double', false],
    ['integer', 'string', true],
    ['email', 'string', true],
    ['boolean', 'string', true],
    ['geopoint', 'string', false],
    [en('a', 'b'), 'string', true],
    ['string', 'email', false],
    ['string', en('a'), false],
    [en('a', 'b'), en('b', 'a', 'c'), true],
    [en('a', 'b'), en('a'), false],
    [arr('integer'), arr('long'), true],
    [arr('long'), arr('integer'), false],
    [arr('string'), 'string', false],
    [struct(['a', 'integer']), struct(['a', 'long'], ['b', 'string']), true],
    [struct(['a', 'integer'], ['b', 'string']), struct(['a', 'long']), false],
    [struct(['a', 'long']), struct(['a', 'integer']), false],
    ['date', 'timestamp', true],
    ['timestamp', 'date', false],
    [{ type: 'money', currency: 'USD' }, { type: 'money', currency: 'USD' }, true],
    [{ type: 'money', currency: 'USD' }, { type: 'money', currency: 'EUR' }, false],
    ['string', 'integer', false],
  ];

  it.each(table.map(([from, to, widening]) => [describeDataType(from), describeDataType(to), widening, from, to] as const))('%s → %s: %s', (_f, _t, widening, from, to) => {
    expect(isWidening(from, to)).toBe(widening);
  });
});

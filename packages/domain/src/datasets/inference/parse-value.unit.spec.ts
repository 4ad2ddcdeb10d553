import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../shared/errors';
import { defaultFormatFor } from './default-format';
import type { ParseFormat, ParseSpec } from './inference.types';
import { parseValue } from './parse-value';
import type { DataType } from '../../ontology/model/data-type';

const NULLS = ['', 'null', 'n/a', '-'];
const spec = (dataType: DataType, format: ParseFormat = defaultFormatFor(dataType)): ParseSpec => ({
  dataType,
  format,
  nullTokens: NULLS,
});
const number = (decimalSeparator: '.' | ',', thousandsSeparator: ',' | '.' | ' ' | null): ParseFormat => ({
  kind: 'number',
  decimalSeparator,
  thousandsSeparator,
});

/** Given a column spec, when each text is parsed: the values, or the failure's code and message. */
const when = (s: ParseSpec, ...texts: (string | null)[]) =>
  texts.map((t) => {
    const outcome = parseValue(t, s);
    return outcome.ok ? outcome.value : `${outcome.failure.code}: ${outcome.failure.message}`;
  });

const thrownBy = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return isDomainError(e) ? `${e.code}: ${e.message}` : String(e);
  }
  return 'nothing thrown';
};

describe('parseValue', () => {
  it('reads null tokens and missing cells as null whatever the type', () => {
    expect(when(spec('integer'), null, '', '  ', 'NULL', 'N/A', '-')).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('reads integers and longs exactly, refusing what does not fit', () => {
    const grouped = spec('integer', number('.', ','));
    expect(when(grouped, '1,234', '-7', ' 42 ', '12.0', '2147483647')).toEqual([
      1234, -7, 42, 12, 2147483647,
    ]);
    expect(when(grouped, '2147483648', '1.5', 'abc')).toEqual([
      'out-of-range: "2147483648" is out of the integer range (-2,147,483,648 to 2,147,483,647)',
      'not-a-whole-number: "1.5" is not a whole number',
      'not-a-number: "abc" is not a number (decimal separator ".", thousands separator ",")',
    ]);
    expect(when(spec('long'), '9223372036854775807', '-12')).toEqual([9223372036854775807n, -12n]);
    expect(when(spec('long'), '9223372036854775808')).toEqual([
      'out-of-range: "9223372036854775808" is out of the long range (-9,223,372,036,854,775,808 to 9,223,372,036,854,775,807)',
    ]);
  });

  it('reads decimals as canonical text at the column scale', () => {
    const money = spec({ type: 'decimal', precision: 6, scale: 2 }, number(',', '.'));
    expect(when(money, '1.234,5', '-0,25', '17', '-0,00', '12,300')).toEqual([
      '1234.50',
      '-0.25',
      '17.00',
      '0.00',
      '12.30',
    ]);
    expect(when(money, '1,234', '12.345,6')).toEqual([
      'too-many-digits: "1,234" has 3 digits after the point; decimal(6,2) keeps 2',
      'out-of-range: "12.345,6" has 5 digits before the point; decimal(6,2) allows 4',
    ]);
  });

  it('reads doubles, scientific notation included', () => {
    expect(when(spec('double'), '1.5e-7', '-2', '0.30000000000000004', 'Infinity')).toEqual([
      1.5e-7,
      -2,
      0.30000000000000004,
      Infinity,
    ]);
  });

  it('reads booleans with the column tokens, case-insensitively', () => {
    const yn = spec('boolean', { kind: 'boolean', trueTokens: ['y', '예'], falseTokens: ['n', '아니오'] });
    expect(when(yn, 'Y', 'n', '예', '아니오', 'maybe')).toEqual([
      true,
      false,
      true,
      false,
      'not-a-boolean: "maybe" is not a yes/no value (true: "y", "예"; false: "n", "아니오")',
    ]);
  });

  it('reads dates with the chosen pattern and refuses dates that do not exist', () => {
    const dmy = spec('date', { kind: 'temporal', pattern: 'dd/MM/yyyy', choices: [] });
    expect(when(dmy, '05/03/2024', '5/3/2024', '29/02/2024')).toEqual([
      '2024-03-05',
      '2024-03-05',
      '2024-02-29',
    ]);
    expect(when(dmy, '30/02/2024', '2024-03-05', '05/13/2024')).toEqual([
      'invalid-date: "30/02/2024" is not a real date: day 30 does not exist in February 2024',
      'not-a-date: "2024-03-05" does not match dd/MM/yyyy',
      'invalid-date: "05/13/2024" is not a real date: month 13 is out of range',
    ]);
    const korean = spec('date', { kind: 'temporal', pattern: 'yyyy년 M월 d일', choices: [] });
    expect(when(korean, '2024년 3월 5일')).toEqual(['2024-03-05']);
  });

  it('reads timestamps: zoned ones converted to UTC, others kept as written', () => {
    const iso = spec('timestamp', {
      kind: 'temporal',
      pattern: "yyyy-MM-dd['T'HH:mm[:ss[.SSS]]][XXX]",
      choices: [],
    });
    expect(
      when(iso, '2024-03-05T10:00:00+09:00', '2024-03-05T10:00:00.5Z', '2024-03-05T10:00', '2024-03-05'),
    ).toEqual([
      '2024-03-05T01:00:00Z',
      '2024-03-05T10:00:00.5Z',
      '2024-03-05T10:00:00',
      '2024-03-05T00:00:00',
    ]);
    const korean = spec('timestamp', { kind: 'temporal', pattern: 'yyyy-MM-dd a h:mm', choices: [] });
    expect(when(korean, '2024-03-05 오후 2:30', '2024-03-05 오전 12:05', '2024-03-05 오후 13:00')).toEqual([
      '2024-03-05T14:30:00',
      '2024-03-05T00:05:00',
      'invalid-date: "2024-03-05 오후 13:00" is not a real time: hour 13 is out of range for a 12-hour clock',
    ]);
  });

  it('refuses to read an ambiguous date column until the user picks the order', () => {
    const ambiguous = spec('date', {
      kind: 'temporal',
      pattern: null,
      choices: ['dd/MM/yyyy', 'MM/dd/yyyy'],
    });
    expect(thrownBy(() => parseValue('03/05/2024', ambiguous))).toBe(
      'DATASET.DATE_FORMAT_NOT_CHOSEN: The day/month order is ambiguous: choose the pattern (dd/MM/yyyy or MM/dd/yyyy) before reading the column.',
    );
    expect(
      thrownBy(() =>
        parseValue('x', spec('date', { kind: 'temporal', pattern: 'yyyy-MM-dd Q', choices: [] })),
      ),
    ).toBe(
      `DATASET.INVALID_DATE_PATTERN: The date pattern "yyyy-MM-dd Q" is not valid: "Q" is not a pattern letter; quote literal text ('T').`,
    );
    expect(thrownBy(() => parseValue('1', spec('integer', { kind: 'text' })))).toBe(
      'DATASET.PARSE_FORMAT_MISMATCH: The type integer is read with a number format, not a text format.',
    );
  });

  it('reads money in the column currency, with or without its sign', () => {
    const won = spec({ type: 'money', currency: 'KRW' });
    expect(when(won, '₩1,000', '25,000원', 'KRW 300', '12000', '-₩500')).toEqual([
      { amount: '1000', currency: 'KRW' },
      { amount: '25000', currency: 'KRW' },
      { amount: '300', currency: 'KRW' },
      { amount: '12000', currency: 'KRW' },
      { amount: '-500', currency: 'KRW' },
    ]);
    expect(when(won, '$5.00', 'free')).toEqual([
      'wrong-currency: "$5.00" is in USD, not KRW',
      'not-money: "free" is not an amount in KRW (decimal separator ".", thousands separator ",")',
    ]);
  });

  it('reads points in their layout', () => {
    expect(when(spec('geopoint'), '37.5665, 126.9780', 'POINT(126.9780 37.5665)', '91.0,10.0')).toEqual([
      { lat: 37.5665, lon: 126.978 },
      'not-a-geopoint: "POINT(126.9780 37.5665)" is not a point written lat,lon',
      'not-a-geopoint: "91.0,10.0" is not a point written lat,lon',
    ]);
  });

  it('checks e-mails, URLs, phones and enum values; keeps text exactly as written', () => {
    expect(when(spec('email'), 'a@b.co', 'a@b')).toEqual([
      'a@b.co',
      'not-an-email: "a@b" is not an e-mail address',
    ]);
    expect(when(spec('url'), 'https://x.org', 'x.org')).toEqual([
      'https://x.org',
      'not-a-url: "x.org" is not a URL (http, https, ftp or www.)',
    ]);
    expect(when(spec('phone'), '010-1234-5678', '01012345678', 'call me')).toEqual([
      '010-1234-5678',
      '01012345678',
      'not-a-phone: "call me" is not a phone number',
    ]);
    expect(when(spec({ type: 'enum', values: ['S', 'M', 'L'] }), 'M', 'XL')).toEqual([
      'M',
      'not-in-enum: "XL" is not one of "S", "M", "L"',
    ]);
    expect(when(spec('string'), '  padded  ')).toEqual(['  padded  ']);
  });
});

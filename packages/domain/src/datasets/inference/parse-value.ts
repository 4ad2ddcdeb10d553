import { describeDataType, type DataType } from '../../ontology/model/data-type';
import { invalid } from '../../shared/errors';
import type { ParseFormat, ParseSpec } from './inference.types';
import { formatCount, quote } from './reason-text';
import { isDigitRun, isEmail, isPhone, isUrl } from './recognisers/contact.recogniser';
import { readGeopointAs } from './recognisers/geopoint.recogniser';
import { readMoney } from './recognisers/money.recogniser';
import {
  integerWidth,
  readDoubleOnly,
  readNumber,
  type NumberNotation,
  type NumberReading,
} from './recognisers/number.recogniser';
import {
  InvalidPatternError,
  compileTemporalPattern,
  readTemporal,
  toIsoText,
} from './recognisers/temporal-pattern';

/**
 * Casting one cell's text to its column's type, exactly as the typed commit does. Integers are numbers, longs are
 * bigints, decimals are canonical decimal text ("-1234.50", never a float), dates and timestamps ISO 8601 text.
 */
export type ParsedValue =
  | null
  | string
  | number
  | bigint
  | boolean
  | { readonly lat: number; readonly lon: number }
  | { readonly amount: string; readonly currency: string };

export type ParseFailureCode =
  | 'not-a-number'
  | 'not-a-whole-number'
  | 'out-of-range'
  | 'too-many-digits'
  | 'not-a-boolean'
  | 'not-a-date'
  | 'invalid-date'
  | 'not-an-email'
  | 'not-a-url'
  | 'not-a-phone'
  | 'not-money'
  | 'wrong-currency'
  | 'not-a-geopoint'
  | 'not-in-enum';

export interface ParseFailure {
  readonly code: ParseFailureCode;
  /** A sentence naming the value and what was expected. */
  readonly message: string;
}

export type ParseOutcome =
  { readonly ok: true; readonly value: ParsedValue } | { readonly ok: false; readonly failure: ParseFailure };

export type ValueParser = (text: string | null) => ParseOutcome;

const ok = (value: ParsedValue): ParseOutcome => ({ ok: true, value });
const fail = (code: ParseFailureCode, message: string): ParseOutcome => ({
  ok: false,
  failure: { code, message },
});

const FORMAT_KIND: Record<string, ParseFormat['kind']> = {
  integer: 'number',
  long: 'number',
  decimal: 'number',
  double: 'number',
  boolean: 'boolean',
  date: 'temporal',
  timestamp: 'temporal',
  money: 'money',
  geopoint: 'geopoint',
  string: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  enum: 'text',
};

const notationText = (n: NumberNotation) =>
  `decimal separator "${n.decimalSeparator}", ${n.thousandsSeparator === null ? 'no thousands separator' : `thousands separator ${n.thousandsSeparator === ' ' ? 'a space' : `"${n.thousandsSeparator}"`}`}`;

const sign = (r: NumberReading) =>
  r.negative && (/[1-9]/.test(r.integerDigits) || /[1-9]/.test(r.fractionDigits)) ? '-' : '';

/** Canonical decimal text with exactly `scale` fraction digits (or all of them when scale is undefined). */
function decimalText(r: NumberReading, scale?: number): string {
  const fraction =
    scale === undefined
      ? r.fractionDigits.replace(/0+$/, '')
      : r.fractionDigits.padEnd(scale, '0').slice(0, scale);
  return `${sign(r)}${r.integerDigits || '0'}${fraction ? `.${fraction}` : ''}`;
}

const RANGES: Record<'integer' | 'long', string> = {
  integer: '-2,147,483,648 to 2,147,483,647',
  long: '-9,223,372,036,854,775,808 to 9,223,372,036,854,775,807',
};

function numberParser(dataType: DataType, notation: NumberNotation): (t: string) => ParseOutcome {
  const notANumber = (t: string) =>
    fail('not-a-number', `${quote(t)} is not a number (${notationText(notation)})`);
  const name = typeof dataType === 'string' ? dataType : dataType.type;
  if (name === 'double')
    return (t) => {
      const r = readNumber(t, notation);
      if (r) return ok(Number(decimalText(r)));
      const special = readDoubleOnly(t);
      return special === null ? notANumber(t) : ok(special);
    };
  if (name === 'integer' || name === 'long')
    return (t) => {
      const r = readNumber(t, notation);
      if (!r) return notANumber(t);
      if (/[1-9]/.test(r.fractionDigits))
        return fail('not-a-whole-number', `${quote(t)} is not a whole number`);
      const width = integerWidth(r.integerDigits, r.negative);
      if (width === 'wider' || (name === 'integer' && width === 'long'))
        return fail('out-of-range', `${quote(t)} is out of the ${name} range (${RANGES[name]})`);
      const text = `${sign(r)}${r.integerDigits || '0'}`;
      return ok(name === 'integer' ? Number(text) : BigInt(text));
    };
  const { precision, scale } = dataType as { precision: number; scale: number };
  return (t) => {
    const r = readNumber(t, notation);
    if (!r) return notANumber(t);
    if (/[1-9]/.test(r.fractionDigits.slice(scale)))
      return fail(
        'too-many-digits',
        `${quote(t)} has ${r.fractionDigits.length} digits after the point; ${describeDataType(dataType)} keeps ${scale}`,
      );
    if (r.integerDigits.length > precision - scale)
      return fail(
        'out-of-range',
        `${quote(t)} has ${r.integerDigits.length} digits before the point; ${describeDataType(dataType)} allows ${precision - scale}`,
      );
    return ok(decimalText(r, scale));
  };
}

const listed = (tokens: readonly string[]) => tokens.map(quote).join(', ');

function textParser(dataType: DataType): (t: string, raw: string) => ParseOutcome {
  if (typeof dataType !== 'string') {
    const values = (dataType as { values: readonly string[] }).values;
    const allowed = new Set(values);
    const shown = `${listed(values.slice(0, 5))}${values.length > 5 ? `, … (${formatCount(values.length)} values)` : ''}`;
    return (t) => (allowed.has(t) ? ok(t) : fail('not-in-enum', `${quote(t)} is not one of ${shown}`));
  }
  switch (dataType) {
    case 'email':
      return (t) => (isEmail(t) ? ok(t) : fail('not-an-email', `${quote(t)} is not an e-mail address`));
    case 'url':
      return (t) =>
        isUrl(t) ? ok(t) : fail('not-a-url', `${quote(t)} is not a URL (http, https, ftp or www.)`);
    case 'phone':
      // A column the user calls phone may write numbers as bare digits.
      return (t) =>
        isPhone(t) || isDigitRun(t) ? ok(t) : fail('not-a-phone', `${quote(t)} is not a phone number`);
    default:
      // Text keeps the cell exactly as it was written, spaces included.
      return (_t, raw) => ok(raw);
  }
}

function valueParser(spec: ParseSpec): (t: string, raw: string) => ParseOutcome {
  const { dataType, format } = spec;
  const name = typeof dataType === 'string' ? dataType : dataType.type;
  const expected = FORMAT_KIND[name];
  if (expected === undefined)
    throw invalid(
      'DATASET.UNSUPPORTED_COLUMN_TYPE',
      `A column of ${describeDataType(dataType)} cannot be read from text: choose a scalar type.`,
    );
  if (format.kind !== expected)
    throw invalid(
      'DATASET.PARSE_FORMAT_MISMATCH',
      `The type ${describeDataType(dataType)} is read with a ${expected} format, not a ${format.kind} format.`,
    );
  switch (format.kind) {
    case 'number':
      return numberParser(dataType, format);
    case 'boolean': {
      const trues = new Set(format.trueTokens.map((t) => t.toLowerCase()));
      const falses = new Set(format.falseTokens.map((t) => t.toLowerCase()));
      const expectedText = `true: ${listed(format.trueTokens)}; false: ${listed(format.falseTokens)}`;
      return (t) => {
        const key = t.toLowerCase();
        if (trues.has(key)) return ok(true);
        if (falses.has(key)) return ok(false);
        return fail('not-a-boolean', `${quote(t)} is not a yes/no value (${expectedText})`);
      };
    }
    case 'temporal': {
      const pattern = format.pattern;
      if (pattern === null)
        throw invalid(
          'DATASET.DATE_FORMAT_NOT_CHOSEN',
          `The day/month order is ambiguous: choose the pattern (${format.choices.join(' or ')}) before reading the column.`,
        );
      try {
        compileTemporalPattern(pattern);
      } catch (e) {
        if (e instanceof InvalidPatternError)
          throw invalid(
            'DATASET.INVALID_DATE_PATTERN',
            `The date pattern ${quote(pattern)} is not valid: ${e.message}.`,
          );
        throw e;
      }
      const asTimestamp = name === 'timestamp';
      return (t) => {
        const read = readTemporal(t, pattern);
        if (read.ok) return ok(toIsoText(read.value, asTimestamp));
        return read.problem.startsWith('does not match')
          ? fail('not-a-date', `${quote(t)} ${read.problem}`)
          : fail(
              'invalid-date',
              `${quote(t)} is not a real ${asTimestamp ? 'time' : 'date'}: ${read.problem}`,
            );
      };
    }
    case 'money': {
      const currency = format.currency;
      return (t) => {
        const money = readMoney(t);
        if (money && money.currency !== currency)
          return fail('wrong-currency', `${quote(t)} is in ${money.currency}, not ${currency}`);
        const r = readNumber(money?.amount ?? t, format);
        if (!r)
          return fail('not-money', `${quote(t)} is not an amount in ${currency} (${notationText(format)})`);
        return ok({ amount: decimalText(r), currency });
      };
    }
    case 'geopoint':
      return (t) => {
        const point = readGeopointAs(t, format.layout);
        return point
          ? ok({ lat: point.lat, lon: point.lon })
          : fail('not-a-geopoint', `${quote(t)} is not a point written ${format.layout}`);
      };
    case 'text':
      return textParser(dataType);
  }
}

/**
 * A parser for one column: checks the spec once (throwing DomainError `DATASET.*` when the spec itself cannot be
 * used: an ambiguous date order not yet chosen, a bad pattern, a format of the wrong kind) and then reads cells.
 */
export function createValueParser(spec: ParseSpec): ValueParser {
  const nullTokens = new Set(spec.nullTokens.map((t) => t.trim().toLowerCase()));
  const read = valueParser(spec);
  return (text) => {
    if (text === null) return ok(null);
    const trimmed = text.trim();
    if (nullTokens.has(trimmed.toLowerCase())) return ok(null);
    return read(trimmed, text);
  };
}

const parsers = new WeakMap<ParseSpec, ValueParser>();

/** Casts one cell; the parser for `spec` is built once and reused while `spec` is the same object. */
export function parseValue(text: string | null, spec: ParseSpec): ParseOutcome {
  let parser = parsers.get(spec);
  if (!parser) {
    parser = createValueParser(spec);
    parsers.set(spec, parser);
  }
  return parser(text);
}

import type { DecimalSeparator, ThousandsSeparator } from '../inference.types';

/** A number as written: its digits kept as text so nothing is lost to floating point. */
export interface NumberReading {
  readonly negative: boolean;
  /** Integer digits without grouping, leading zeros removed ('' for zero). */
  readonly integerDigits: string;
  readonly fractionDigits: string;
  readonly grouped: boolean;
  /** Written with a leading zero that a number would drop: "007", "00123" (not "0" or "0.5"). */
  readonly leadingZero: boolean;
}

export interface NumberNotation {
  readonly decimalSeparator: DecimalSeparator;
  readonly thousandsSeparator: ThousandsSeparator | null;
}

/** The notations inference tries; each also reads ungrouped numbers. */
export const NUMBER_NOTATIONS = {
  point: { decimalSeparator: '.', thousandsSeparator: ',' },
  comma: { decimalSeparator: ',', thousandsSeparator: '.' },
  space: { decimalSeparator: ',', thousandsSeparator: ' ' },
} as const satisfies Record<string, NumberNotation>;
export type NotationName = keyof typeof NUMBER_NOTATIONS;
export const NOTATION_NAMES = Object.keys(NUMBER_NOTATIONS) as NotationName[];

const GROUP_CLASS: Record<ThousandsSeparator, string> = { ',': ',', '.': '\\.', ' ': '[ \\u00a0\\u202f]' };

/** Keyed by the notation object: inference's notations and each parse spec's format are long-lived. */
const notationRegexes = new WeakMap<NumberNotation, RegExp>();

function notationRegex(n: NumberNotation): RegExp {
  let regex = notationRegexes.get(n);
  if (!regex) {
    const integer =
      n.thousandsSeparator === null
        ? '(\\d*)'
        : `(\\d{1,3}(?:${GROUP_CLASS[n.thousandsSeparator]}\\d{3})+|\\d*)`;
    regex = new RegExp(`^([+-]?)${integer}(?:${n.decimalSeparator === '.' ? '\\.' : ','}(\\d+))?$`);
    notationRegexes.set(n, regex);
  }
  return regex;
}

const HAS_NON_DIGIT = /\D/;
const NON_DIGITS = /\D/g;

/** Reads `text` (already trimmed) as a plain decimal number in notation `n`, or returns null. */
export function readNumber(text: string, n: NumberNotation): NumberReading | null {
  const m = notationRegex(n).exec(text);
  if (!m) return null;
  const written = m[2] ?? '';
  const fractionDigits = m[3] ?? '';
  if (written === '' && fractionDigits === '') return null;
  const grouped = written.length > 3 && HAS_NON_DIGIT.test(written);
  const digits = grouped ? written.replace(NON_DIGITS, '') : written;
  let first = 0;
  while (first < digits.length && digits.charCodeAt(first) === 48) first++;
  return {
    negative: m[1] === '-',
    integerDigits: digits.slice(first),
    fractionDigits,
    grouped,
    leadingZero: first > 0 && digits.length > 1,
  };
}

const SCIENTIFIC = /^[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;
const SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

/** Scientific notation or a special value only a double can hold. */
export function readDoubleOnly(text: string): number | null {
  if (SCIENTIFIC.test(text)) return Number(text);
  if (SPECIAL.test(text))
    return text.toLowerCase().includes('nan') ? NaN : text.startsWith('-') ? -Infinity : Infinity;
  return null;
}

export type IntegerWidth = 'integer' | 'long' | 'wider';

const INT_MAX = '2147483647';
const INT_MIN_ABS = '2147483648';
const LONG_MAX = '9223372036854775807';
const LONG_MIN_ABS = '9223372036854775808';

/** Digits compared as text, so 19-digit values are judged exactly. */
const fits = (digits: string, limit: string) =>
  digits.length < limit.length || (digits.length === limit.length && digits <= limit);

export function integerWidth(integerDigits: string, negative: boolean): IntegerWidth {
  if (fits(integerDigits, negative ? INT_MIN_ABS : INT_MAX)) return 'integer';
  if (fits(integerDigits, negative ? LONG_MIN_ABS : LONG_MAX)) return 'long';
  return 'wider';
}

/** Cheap test before trying any number notation: numbers start with a digit, a sign or a point. */
export function mayBeNumber(text: string): boolean {
  const c = text.charCodeAt(0);
  return (
    (c >= 48 && c <= 57) ||
    c === 43 ||
    c === 45 ||
    c === 46 ||
    c === 44 ||
    c === 73 ||
    c === 105 ||
    c === 78 ||
    c === 110
  );
}

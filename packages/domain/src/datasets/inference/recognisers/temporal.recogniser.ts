import { dateProblem, monthFromName } from './temporal-pattern';

/**
 * Reads a cell as a date or timestamp written in one of the layouts people use, to count how a column writes
 * them. The pattern inference proposes (temporal-pattern.ts) then reads every value this reader accepted.
 */

export type ClockStyle = '24' | 'a-suffix' | 'a-suffix-tight' | 'a-prefix' | 'a-prefix-tight';
export type ZoneStyle = 'none' | 'Z' | 'colon' | 'compact' | 'hour' | 'name';

export interface TimeReading {
  readonly separator: 'T' | ' ';
  readonly clock: ClockStyle;
  readonly hourPadded: boolean;
  readonly seconds: boolean;
  readonly fractionDigits: number;
  readonly zone: ZoneStyle;
  readonly zoneSpaced: boolean;
}

export interface DateReading {
  readonly layout: DateLayout;
  readonly monthPadded: boolean;
  readonly dayPadded: boolean;
  readonly monthNameFull: boolean;
  /** Layouts with the day and month both numeric before the year: which readings give a real date. */
  readonly dayFirstValid: boolean;
  readonly monthFirstValid: boolean;
  readonly time: TimeReading | null;
}

interface Padding {
  readonly month: boolean;
  readonly day: boolean;
  readonly monthNameFull: boolean;
}

export interface DateLayout {
  readonly key: string;
  /** Day and month order cannot be told from the layout alone. */
  readonly ambiguous: boolean;
  /** The pattern of the date part; `dayFirst` only matters for ambiguous layouts. */
  pattern(p: Padding, dayFirst: boolean): string;
}

const M = (p: Padding) => (p.month ? 'MM' : 'M');
const D = (p: Padding) => (p.day ? 'dd' : 'd');
const MONTH_NAME = (p: Padding) => (p.monthNameFull ? 'MMMM' : 'MMM');

const layout = (key: string, pattern: DateLayout['pattern'], ambiguous = false): DateLayout => ({
  key,
  ambiguous,
  pattern,
});

const yearFirst = (sep: string, trailing: string) =>
  layout(`y${sep}m${sep}d${trailing}`, (p) => `yyyy${sep}${M(p)}${sep}${D(p)}${trailing}`);
const YEAR_FIRST = new Map<string, DateLayout>(
  ['-', '/', '.', '. '].flatMap((sep) =>
    ['', '.']
      .filter((t) => t === '' || sep.startsWith('.'))
      .map((t) => [`${sep}|${t}`, yearFirst(sep, t)] as const),
  ),
);
const dayMonthFirst = (sep: string) =>
  layout(
    `?${sep}?${sep}y`,
    (p, dayFirst) => (dayFirst ? `${D(p)}${sep}${M(p)}${sep}yyyy` : `${M(p)}${sep}${D(p)}${sep}yyyy`),
    true,
  );
const DAY_MONTH_FIRST = new Map(['-', '/', '.'].map((sep) => [sep, dayMonthFirst(sep)] as const));
const KOREAN = layout('y년m월d일', (p) => `yyyy년 ${M(p)}월 ${D(p)}일`);
const KOREAN_TIGHT = layout('y년m월d일-tight', (p) => `yyyy년${M(p)}월${D(p)}일`);
const COMPACT = layout('yyyymmdd', () => 'yyyyMMdd');
const NAME_DAY_YEAR = layout('mon d y', (p) => `${MONTH_NAME(p)} ${D(p)} yyyy`);
const NAME_DAY_COMMA_YEAR = layout('mon d, y', (p) => `${MONTH_NAME(p)} ${D(p)}, yyyy`);
const DAY_NAME_YEAR = layout('d mon y', (p) => `${D(p)} ${MONTH_NAME(p)} yyyy`);
const DAY_DASH_NAME_YEAR = layout('d-mon-y', (p) => `${D(p)}-${MONTH_NAME(p)}-yyyy`);

const YEAR_FIRST_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(\.?)(.*)$/;
const KOREAN_DOTTED_RE = /^(\d{4})\. (\d{1,2})\. (\d{1,2})(\.?)(.*)$/;
const KOREAN_RE = /^(\d{4})년( ?)(\d{1,2})월\2(\d{1,2})일(.*)$/;
const DAY_MONTH_FIRST_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(.*)$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const NAME_FIRST_RE = /^([A-Za-z]{3,9})\.? (\d{1,2})(,?) (\d{4})(.*)$/;
const DAY_NAME_RE = /^(\d{1,2})([ -])([A-Za-z]{3,9})\.?\2(\d{4})(.*)$/;
const TIME_RE =
  /^(T|\s+)(?:(오전|오후|AM|PM)( ?))?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:( ?)(AM|PM|오전|오후))?(?:( ?)(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?$/i;

/** Compact dates are only believed in a plausible range: 8-digit codes are common. */
const COMPACT_YEARS = [1900, 2100] as const;

function readTime(rest: string): TimeReading | null | undefined {
  if (rest === '') return null;
  const m = TIME_RE.exec(rest);
  if (!m) return undefined;
  const [, sep, prefix, prefixSpace, h, mi, s, fraction, suffixSpace, suffix, zoneSpace, zone] = m;
  if (prefix && suffix) return undefined;
  const hour = Number(h);
  const twelve = prefix !== undefined || suffix !== undefined;
  if (twelve ? hour < 1 || hour > 12 : hour > 23) return undefined;
  if (Number(mi) > 59 || (s !== undefined && Number(s) > 59)) return undefined;
  if (
    zone !== undefined &&
    /^[+-]/.test(zone) &&
    (Number(zone.slice(1, 3)) > 14 || Number(zone.replace(':', '').slice(3, 5) || '0') > 59)
  )
    return undefined;
  const clock: ClockStyle = prefix
    ? prefixSpace
      ? 'a-prefix'
      : 'a-prefix-tight'
    : suffix
      ? suffixSpace
        ? 'a-suffix'
        : 'a-suffix-tight'
      : '24';
  return {
    separator: sep === 'T' || sep === 't' ? 'T' : ' ',
    clock,
    hourPadded: h!.length === 2,
    seconds: s !== undefined,
    fractionDigits: fraction?.length ?? 0,
    zone: zoneStyle(zone),
    zoneSpaced: zoneSpace === ' ',
  };
}

function zoneStyle(zone: string | undefined): ZoneStyle {
  if (zone === undefined) return 'none';
  if (/^z$/i.test(zone)) return 'Z';
  if (/^[a-z]/i.test(zone)) return 'name';
  return zone.includes(':') ? 'colon' : zone.length === 3 ? 'hour' : 'compact';
}

function numericDate(
  dateLayout: DateLayout,
  year: string,
  month: string,
  day: string,
  rest: string,
): DateReading | null {
  if (dateProblem(Number(year), Number(month), Number(day)) !== null) return null;
  const time = readTime(rest);
  if (time === undefined) return null;
  return {
    layout: dateLayout,
    monthPadded: month.length === 2,
    dayPadded: day.length === 2,
    monthNameFull: false,
    dayFirstValid: true,
    monthFirstValid: true,
    time,
  };
}

function namedDate(
  dateLayout: DateLayout,
  year: string,
  name: string,
  day: string,
  rest: string,
): DateReading | null {
  const month = monthFromName(name);
  if (month === 0 || dateProblem(Number(year), month, Number(day)) !== null) return null;
  const time = readTime(rest);
  if (time === undefined) return null;
  return {
    layout: dateLayout,
    monthPadded: false,
    dayPadded: day.length === 2,
    monthNameFull: name.length > 4,
    dayFirstValid: true,
    monthFirstValid: true,
    time,
  };
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The reading of a trimmed, non-null cell as a date or timestamp, or null. */
export function readDate(text: string): DateReading | null {
  if (text.length < 8 || text.length > 48) return null;
  const first = text.charCodeAt(0);
  if (!isDigit(first)) {
    const n = NAME_FIRST_RE.exec(text);
    return n ? namedDate(n[3] ? NAME_DAY_COMMA_YEAR : NAME_DAY_YEAR, n[4]!, n[1]!, n[2]!, n[5]!) : null;
  }
  if (isDigit(text.charCodeAt(3)) && isDigit(text.charCodeAt(2))) {
    const y = YEAR_FIRST_RE.exec(text);
    if (y) {
      const [, year, sep, month, day, trailing, rest] = y;
      const found = YEAR_FIRST.get(`${sep}|${trailing}`);
      return found ? numericDate(found, year!, month!, day!, rest!) : null;
    }
    const dotted = KOREAN_DOTTED_RE.exec(text);
    if (dotted)
      return numericDate(YEAR_FIRST.get(`. |${dotted[4]}`)!, dotted[1]!, dotted[2]!, dotted[3]!, dotted[5]!);
    const korean = KOREAN_RE.exec(text);
    if (korean)
      return numericDate(korean[2] ? KOREAN : KOREAN_TIGHT, korean[1]!, korean[3]!, korean[4]!, korean[5]!);
    const compact = COMPACT_RE.exec(text);
    if (compact) {
      const year = Number(compact[1]);
      return year >= COMPACT_YEARS[0] && year <= COMPACT_YEARS[1]
        ? numericDate(COMPACT, compact[1]!, compact[2]!, compact[3]!, '')
        : null;
    }
    return null;
  }
  const dm = DAY_MONTH_FIRST_RE.exec(text);
  if (dm) {
    const [, a, sep, b, year, rest] = dm;
    const dayFirstValid = dateProblem(Number(year), Number(b), Number(a)) === null;
    const monthFirstValid = dateProblem(Number(year), Number(a), Number(b)) === null;
    if (!dayFirstValid && !monthFirstValid) return null;
    const time = readTime(rest!);
    if (time === undefined) return null;
    // With the order unknown, padding is judged over both parts: a pattern pads both or neither.
    const padded = a!.length === 2 && b!.length === 2;
    return {
      layout: DAY_MONTH_FIRST.get(sep!)!,
      monthPadded: padded,
      dayPadded: padded,
      monthNameFull: false,
      dayFirstValid,
      monthFirstValid,
      time,
    };
  }
  const named = DAY_NAME_RE.exec(text);
  return named
    ? namedDate(
        named[2] === '-' ? DAY_DASH_NAME_YEAR : DAY_NAME_YEAR,
        named[4]!,
        named[3]!,
        named[1]!,
        named[5]!,
      )
    : null;
}

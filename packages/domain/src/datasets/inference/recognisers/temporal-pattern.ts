/**
 * Date and time patterns, in the letters Java's DateTimeFormatter and ICU use (a subset):
 *
 *   yyyy year · M/MM month · MMM/MMMM month name (English, abbreviated or full) · d/dd day
 *   H/HH hour 0-23 · h/hh hour 1-12 with a · a AM/PM or 오전/오후 · m/mm minute · s/ss second
 *   S… fraction of a second (1-9 digits) · X/XX/XXX zone: Z, UTC, GMT or an offset ±HH, ±HHMM, ±HH:MM
 *   'text' literal · [ … ] optional section · a space matches one or more spaces · other characters are literal
 *
 * Reading is lenient about what does not change the value: zero padding (MM reads "3"), month names in either
 * length, the offset's spelling. It is strict about order, separators and ranges, so a pattern names one
 * reading of the text and never guesses the day/month order.
 */

export interface TemporalValue {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Null for a date without a time. */
  readonly time: {
    readonly hour: number;
    readonly minute: number;
    readonly second: number;
    /** Digits after the second's point, as written ('' for none). */
    readonly fraction: string;
    /** Minutes east of UTC; null when the text names no zone. */
    readonly offsetMinutes: number | null;
  } | null;
}

export type TemporalReadResult =
  { readonly ok: true; readonly value: TemporalValue } | { readonly ok: false; readonly problem: string };

type Field =
  | 'year'
  | 'month'
  | 'monthName'
  | 'day'
  | 'hour24'
  | 'hour12'
  | 'meridiem'
  | 'minute'
  | 'second'
  | 'fraction'
  | 'zone';

interface CompiledPattern {
  readonly regex: RegExp;
  /** The field each capture group fills, in order. */
  readonly fields: readonly Field[];
  readonly hasTime: boolean;
}

export class InvalidPatternError extends Error {}

const FIELD_LETTERS: Record<string, (count: number) => Field> = {
  y: (n) => {
    if (n !== 4) throw new InvalidPatternError('the year is written yyyy');
    return 'year';
  },
  M: (n) => (n >= 3 ? 'monthName' : 'month'),
  d: () => 'day',
  H: () => 'hour24',
  h: () => 'hour12',
  a: () => 'meridiem',
  m: () => 'minute',
  s: () => 'second',
  S: () => 'fraction',
  X: () => 'zone',
};

const NUMERIC: ReadonlySet<Field> = new Set(['month', 'day', 'hour24', 'hour12', 'minute', 'second']);

const FIELD_REGEX: Record<Field, string> = {
  year: '(\\d{4})',
  month: '(\\d{1,2})',
  monthName: '([a-z]{3,9})\\.?',
  day: '(\\d{1,2})',
  hour24: '(\\d{1,2})',
  hour12: '(\\d{1,2})',
  meridiem: '(am|pm|a\\.m\\.|p\\.m\\.|오전|오후)',
  minute: '(\\d{1,2})',
  second: '(\\d{1,2})',
  fraction: '(\\d{1,9})',
  zone: '\\s*(z|utc|gmt|[+-]\\d{2}(?::?\\d{2})?)',
};

type Token = { readonly field: Field; readonly width: number } | { readonly source: string };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function tokenise(pattern: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new InvalidPatternError('a quote is not closed');
      tokens.push({ source: end === i + 1 ? "'" : escapeRegex(pattern.slice(i + 1, end)) });
      i = end + 1;
    } else if (c === '[' || c === ']') {
      depth += c === '[' ? 1 : -1;
      if (depth < 0) throw new InvalidPatternError('"]" closes no "["');
      tokens.push({ source: c === '[' ? '(?:' : ')?' });
      i++;
    } else if (/\s/.test(c)) {
      while (i < pattern.length && /\s/.test(pattern[i]!)) i++;
      tokens.push({ source: '\\s+' });
    } else if (/[A-Za-z]/.test(c)) {
      let end = i;
      while (pattern[end] === c) end++;
      const letter = FIELD_LETTERS[c];
      if (!letter) throw new InvalidPatternError(`"${c}" is not a pattern letter; quote literal text ('T')`);
      tokens.push({ field: letter(end - i), width: end - i });
      i = end;
    } else {
      tokens.push({ source: escapeRegex(c) });
      i++;
    }
  }
  if (depth !== 0) throw new InvalidPatternError('a "[" is not closed');
  return tokens;
}

/** Two numeric fields with nothing between them (yyyyMMdd, HHmm) must be read at their written width. */
function fieldSource(tokens: readonly Token[], i: number): string {
  const t = tokens[i]!;
  if (!('field' in t)) return t.source;
  const adjacent = [tokens[i - 1], tokens[i + 1]].some(
    (n) => n !== undefined && 'field' in n && (NUMERIC.has(n.field) || n.field === 'year'),
  );
  return NUMERIC.has(t.field) && adjacent ? `(\\d{${t.width}})` : FIELD_REGEX[t.field];
}

const compiled = new Map<string, CompiledPattern>();
const CACHE_LIMIT = 256;

export function compileTemporalPattern(pattern: string): CompiledPattern {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const tokens = tokenise(pattern);
  const fields = tokens.flatMap((t) => ('field' in t ? [t.field] : []));
  for (const required of ['year', 'day'] as const)
    if (!fields.includes(required))
      throw new InvalidPatternError(`the pattern has no ${required === 'year' ? 'year (yyyy)' : 'day (d)'}`);
  if (!fields.includes('month') && !fields.includes('monthName'))
    throw new InvalidPatternError('the pattern has no month (M)');
  if (fields.includes('hour12') !== fields.includes('meridiem'))
    throw new InvalidPatternError('h (1-12) needs a (AM/PM) and a needs h');
  const source = tokens.map((_, i) => fieldSource(tokens, i)).join('');
  const result: CompiledPattern = {
    regex: new RegExp(`^${source}$`, 'i'),
    fields,
    hasTime: fields.includes('hour24') || fields.includes('hour12'),
  };
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(pattern, result);
  return result;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 1-12 for an English month name, full or abbreviated to its first three letters ("Sept" too), else 0. */
export function monthFromName(name: string): number {
  const lower = name.toLowerCase();
  if (lower.length < 3) return 0;
  const index = MONTH_NAMES.findIndex(
    (m) => m === lower || (m.startsWith(lower) && (lower.length === 3 || lower === 'sept')),
  );
  return index + 1;
}

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (year: number, month: number) =>
  month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
/** English month names, January first. */
export const MONTH_TITLES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Null when the date exists, else why not. */
export function dateProblem(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `month ${month} is out of range`;
  if (day < 1 || day > daysInMonth(year, month))
    return `day ${day} does not exist in ${MONTH_TITLES[month - 1]} ${year}`;
  return null;
}

function zoneOffset(zone: string): number | null {
  const z = zone.toLowerCase();
  if (z === 'z' || z === 'utc' || z === 'gmt') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  if (Number(m[2]) > 14 || Number(m[3] ?? '0') > 59) return null;
  return m[1] === '-' ? -minutes : minutes;
}

/** Reads trimmed text with a pattern, checking that the date and time exist. */
export function readTemporal(text: string, pattern: string): TemporalReadResult {
  const { regex, fields } = compileTemporalPattern(pattern);
  const m = regex.exec(text);
  if (!m) return { ok: false, problem: `does not match ${pattern}` };
  let year = 0,
    month = 0,
    day = 0,
    hour: number | null = null,
    minute = 0,
    second = 0,
    fraction = '',
    zone: string | null = null,
    meridiem: string | null = null;
  let twelveHour = false;
  for (const [i, field] of fields.entries()) {
    const v = m[i + 1];
    if (v === undefined) continue;
    switch (field) {
      case 'year':
        year = Number(v);
        break;
      case 'month':
        month = Number(v);
        break;
      case 'monthName':
        month = monthFromName(v);
        if (month === 0) month = -1;
        break;
      case 'day':
        day = Number(v);
        break;
      case 'hour24':
        hour = Number(v);
        break;
      case 'hour12':
        hour = Number(v);
        twelveHour = true;
        break;
      case 'meridiem':
        meridiem = v.toLowerCase();
        break;
      case 'minute':
        minute = Number(v);
        break;
      case 'second':
        second = Number(v);
        break;
      case 'fraction':
        fraction = v;
        break;
      case 'zone':
        zone = v;
        break;
    }
  }
  if (month === -1) return { ok: false, problem: 'the month name is not an English month' };
  const badDate = dateProblem(year, month, day);
  if (badDate) return { ok: false, problem: badDate };
  if (hour === null) return { ok: true, value: { year, month, day, time: null } };
  if (twelveHour) {
    if (hour < 1 || hour > 12)
      return { ok: false, problem: `hour ${hour} is out of range for a 12-hour clock` };
    const pm = meridiem === 'pm' || meridiem === 'p.m.' || meridiem === '오후';
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) return { ok: false, problem: `hour ${hour} is out of range` };
  if (minute > 59) return { ok: false, problem: `minute ${minute} is out of range` };
  if (second > 59) return { ok: false, problem: `second ${second} is out of range` };
  const offsetMinutes = zone === null ? null : zoneOffset(zone);
  if (zone !== null && offsetMinutes === null)
    return { ok: false, problem: `zone offset ${zone} is out of range` };
  return { ok: true, value: { year, month, day, time: { hour, minute, second, fraction, offsetMinutes } } };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * ISO 8601 text: `2024-03-05` for a date; `2024-03-05T14:30:00` for a time without a zone (kept as written);
 * `2024-03-05T05:30:00Z` for a time with a zone, converted to UTC. Fractions keep their digits.
 */
export function toIsoText(v: TemporalValue, asTimestamp: boolean): string {
  const date = `${pad(v.year, 4)}-${pad(v.month)}-${pad(v.day)}`;
  if (!asTimestamp) return date;
  const t = v.time ?? { hour: 0, minute: 0, second: 0, fraction: '', offsetMinutes: null };
  const fraction = t.fraction ? `.${t.fraction}` : '';
  if (t.offsetMinutes === null) return `${date}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${fraction}`;
  const utc = new Date(0);
  utc.setUTCFullYear(v.year, v.month - 1, v.day);
  utc.setUTCHours(t.hour, t.minute - t.offsetMinutes, t.second, 0);
  return `${utc.toISOString().replace(/\.\d{3}Z$/, '')}${fraction}Z`;
}

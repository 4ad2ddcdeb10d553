import { DistinctCounter } from './distinct-counter';
import { Shape, valueShape } from './value-shape';
import type { ResolvedOptions } from './inference-options';
import type { GeopointLayout } from './inference.types';
import { readBooleanToken } from './recognisers/boolean.recogniser';
import { hasSpace, isCode } from './recognisers/code.recogniser';
import { isDigitRun, isEmail, isPhone, isUrl } from './recognisers/contact.recogniser';
import { readGeopoint } from './recognisers/geopoint.recogniser';
import { readMoney } from './recognisers/money.recogniser';
import {
  integerWidth,
  mayBeNumber,
  NOTATION_NAMES,
  NUMBER_NOTATIONS,
  readDoubleOnly,
  readNumber,
  type IntegerWidth,
  type NotationName,
  type NumberReading,
} from './recognisers/number.recogniser';
import {
  readDate,
  type DateLayout,
  type DateReading,
  type TimeReading,
  type ZoneStyle,
} from './recognisers/temporal.recogniser';

/**
 * Everything one pass over a column learns, in memory that does not grow with the row count: counters, a few
 * examples, and a distinct-value counter that switches to a sketch. The decision (column-decision.ts) reads it.
 */

const EXAMPLES = 3;
/** Distinct null-token spellings kept; a column rarely has more than a handful. */
const NULL_SPELLINGS = 16;
export const DISTINCT_EXACT_LIMIT = 1000;

/** Characters that rule a value out of a type before any regular expression runs (see value-shape.ts). */
const NOT_IN_NUMBERS = Shape.hangul | Shape.at | Shape.paren | Shape.currency | Shape.other;
const NOT_IN_DATES = Shape.at | Shape.paren | Shape.currency | Shape.other;
const NOT_IN_PHONES = Shape.hangul | Shape.at | Shape.comma | Shape.currency | Shape.other;
const NOT_IN_CODES =
  Shape.space | Shape.at | Shape.comma | Shape.paren | Shape.plus | Shape.currency | Shape.other;

/** Values a candidate could not read, for reasons and warnings. */
export class Examples {
  readonly values: string[] = [];
  note(value: string): void {
    if (this.values.length < EXAMPLES && !this.values.includes(value)) this.values.push(value);
  }
}

export interface AmountStats {
  matched: number;
  grouped: number;
  groupedExample: string | null;
  fractional: number;
  fractionExample: string | null;
  maxIntegerDigits: number;
  maxScale: number;
  widest: IntegerWidth;
  widestExample: string | null;
  leadingZeros: number;
  leadingZeroExample: string | null;
  /** Scientific notation, Infinity or NaN: only a double holds them. */
  doubleOnly: number;
  doubleOnlyExample: string | null;
  /** Lengths of the values that are only digits, to recognise fixed-width codes (zip codes, "007"). */
  digitsOnlyMin: number;
  digitsOnlyMax: number;
  readonly failures: Examples;
}

const newAmountStats = (): AmountStats => ({
  matched: 0,
  grouped: 0,
  groupedExample: null,
  fractional: 0,
  fractionExample: null,
  maxIntegerDigits: 0,
  maxScale: 0,
  widest: 'integer',
  widestExample: null,
  leadingZeros: 0,
  leadingZeroExample: null,
  doubleOnly: 0,
  doubleOnlyExample: null,
  digitsOnlyMin: Infinity,
  digitsOnlyMax: 0,
  failures: new Examples(),
});

const WIDTH_ORDER: Record<IntegerWidth, number> = { integer: 0, long: 1, wider: 2 };
const DIGITS_ONLY = /^\d+$/;

function noteAmount(s: AmountStats, r: NumberReading, text: string): void {
  s.matched++;
  if (r.grouped) {
    s.grouped++;
    s.groupedExample ??= text;
  }
  if (r.fractionDigits.length > 0) {
    s.fractional++;
    s.fractionExample ??= text;
  }
  if (r.integerDigits.length > s.maxIntegerDigits) s.maxIntegerDigits = r.integerDigits.length;
  if (r.fractionDigits.length > s.maxScale) s.maxScale = r.fractionDigits.length;
  const width = integerWidth(r.integerDigits, r.negative);
  if (WIDTH_ORDER[width] > WIDTH_ORDER[s.widest]) {
    s.widest = width;
    s.widestExample = text;
  }
  if (r.leadingZero) {
    s.leadingZeros++;
    s.leadingZeroExample ??= text;
  }
  if (DIGITS_ONLY.test(text)) {
    if (text.length < s.digitsOnlyMin) s.digitsOnlyMin = text.length;
    if (text.length > s.digitsOnlyMax) s.digitsOnlyMax = text.length;
  }
}

export interface TimeStats {
  readonly separator: TimeReading['separator'];
  readonly clock: TimeReading['clock'];
  count: number;
  hourUnpadded: number;
  withSeconds: number;
  withFraction: number;
  maxFractionDigits: number;
  readonly zones: Record<ZoneStyle, number>;
  zoneSpaced: number;
}

export interface LayoutStats {
  readonly layout: DateLayout;
  readonly example: string;
  count: number;
  monthUnpadded: number;
  dayUnpadded: number;
  monthNamesFull: number;
  /** Ambiguous layouts: values that read only day-first, only month-first, or both ways. */
  dayFirstOnly: number;
  dayFirstOnlyExample: string | null;
  monthFirstOnly: number;
  monthFirstOnlyExample: string | null;
  eitherOrder: number;
  eitherOrderExample: string | null;
  dateOnly: number;
  readonly times: Map<string, TimeStats>;
}

export interface CurrencyStats {
  count: number;
  readonly markers: Set<string>;
  readonly example: string;
  readonly notations: Record<NotationName, AmountStats>;
}

const perNotation = (): Record<NotationName, AmountStats> => ({
  point: newAmountStats(),
  comma: newAmountStats(),
  space: newAmountStats(),
});

export class ColumnStats {
  rowCount = 0;
  missing = 0;
  nullCount = 0;
  readonly nullSpellings = new Map<string, number>();
  /** Values that had spaces around them (trimmed before reading). */
  padded = 0;
  nonNull = 0;
  maxLength = 0;
  readonly distinct = new DistinctCounter(DISTINCT_EXACT_LIMIT);
  /** The first few distinct values, to show what a text column holds. */
  readonly samples = new Examples();

  booleans = 0;
  readonly booleanTokens = new Map<string, { value: boolean; count: number; spelling: string }>();
  readonly booleanFailures = new Examples();

  readonly numbers = perNotation();

  readonly layouts = new Map<string, LayoutStats>();
  readonly temporalFailures = new Examples();

  emails = 0;
  readonly emailFailures = new Examples();
  urls = 0;
  readonly urlFailures = new Examples();
  phones = 0;
  readonly phoneFailures = new Examples();
  phoneExample: string | null = null;
  /** Bare digit runs that are not phone numbers unless the column's name says so. */
  digitRuns = 0;

  readonly currencies = new Map<string, CurrencyStats>();
  readonly moneyFailures = new Examples();

  readonly geopoints: Record<GeopointLayout, number> = { 'lat,lon': 0, 'POINT(lon lat)': 0 };
  geopointExample: string | null = null;
  readonly geopointFailures = new Examples();

  codes = 0;
  codeExample: string | null = null;
  spaceless = 0;

  constructor(
    readonly column: string,
    readonly options: ResolvedOptions,
  ) {}

  add(text: string | null): void {
    this.rowCount++;
    if (text === null) {
      this.missing++;
      this.nullCount++;
      return;
    }
    const value = text.trim();
    if (value.length <= this.options.longestNullToken && this.options.nullTokenSet.has(value.toLowerCase())) {
      this.nullCount++;
      const seen = this.nullSpellings.get(value);
      if (seen !== undefined) this.nullSpellings.set(value, seen + 1);
      else if (this.nullSpellings.size < NULL_SPELLINGS) this.nullSpellings.set(value, 1);
      return;
    }
    if (value.length !== text.length) this.padded++;
    this.nonNull++;
    if (value.length > this.maxLength) this.maxLength = value.length;
    this.distinct.add(value);
    if (this.samples.values.length < 3) this.samples.note(value);
    const shape = valueShape(value);
    this.readBoolean(value);
    this.readNumbers(value, shape);
    this.readTemporal(value, shape);
    this.readContacts(value, shape);
    this.readMoney(value, shape);
    this.readGeopoint(value, shape);
    if ((shape & NOT_IN_CODES) === 0 && isCode(value)) {
      this.codes++;
      this.codeExample ??= value;
    }
    if ((shape & Shape.space) === 0 && !hasSpace(value)) this.spaceless++;
  }

  private readBoolean(value: string): void {
    const token = readBooleanToken(value);
    if (!token) {
      this.booleanFailures.note(value);
      return;
    }
    this.booleans++;
    const key = value.toLowerCase();
    const seen = this.booleanTokens.get(key);
    if (seen) seen.count++;
    else this.booleanTokens.set(key, { value: token.value, count: 1, spelling: value });
  }

  private readNumbers(value: string, shape: number): void {
    // Letters are only in scientific notation, Infinity and NaN; anything else rules every notation out.
    if ((shape & NOT_IN_NUMBERS) !== 0 || !mayBeNumber(value)) {
      for (const n of NOTATION_NAMES) this.numbers[n].failures.note(value);
      return;
    }
    const point = readNumber(value, NUMBER_NOTATIONS.point);
    // A plain integer reads the same in every notation: read it once.
    if (point && !point.grouped && point.fractionDigits === '') {
      for (const n of NOTATION_NAMES) noteAmount(this.numbers[n], point, value);
      return;
    }
    if (point) noteAmount(this.numbers.point, point, value);
    else if (readDoubleOnly(value) !== null) {
      const s = this.numbers.point;
      s.matched++;
      s.doubleOnly++;
      s.doubleOnlyExample ??= value;
    } else this.numbers.point.failures.note(value);
    for (const n of ['comma', 'space'] as const) {
      // Without a comma or a space, only grouping with "." can still read: "1.234" (comma notation).
      const possible =
        (shape & (Shape.comma | Shape.space)) !== 0 ||
        (n === 'comma' && point !== null && point.fractionDigits.length === 3);
      const r = possible ? readNumber(value, NUMBER_NOTATIONS[n]) : null;
      if (r) noteAmount(this.numbers[n], r, value);
      else this.numbers[n].failures.note(value);
    }
  }

  private readTemporal(value: string, shape: number): void {
    const reading = (shape & Shape.digit) === 0 || (shape & NOT_IN_DATES) !== 0 ? null : readDate(value);
    if (!reading) {
      this.temporalFailures.note(value);
      return;
    }
    let stats = this.layouts.get(reading.layout.key);
    if (!stats) {
      stats = {
        layout: reading.layout,
        example: value,
        count: 0,
        monthUnpadded: 0,
        dayUnpadded: 0,
        monthNamesFull: 0,
        dayFirstOnly: 0,
        dayFirstOnlyExample: null,
        monthFirstOnly: 0,
        monthFirstOnlyExample: null,
        eitherOrder: 0,
        eitherOrderExample: null,
        dateOnly: 0,
        times: new Map(),
      };
      this.layouts.set(reading.layout.key, stats);
    }
    noteDate(stats, reading, value);
  }

  private readContacts(value: string, shape: number): void {
    if ((shape & Shape.at) !== 0 && isEmail(value)) this.emails++;
    else this.emailFailures.note(value);
    if ((shape & Shape.space) === 0 && isUrl(value)) this.urls++;
    else this.urlFailures.note(value);
    if ((shape & NOT_IN_PHONES) === 0 && (shape & Shape.digit) !== 0 && isPhone(value)) {
      this.phones++;
      this.phoneExample ??= value;
    } else {
      if ((shape & ~(Shape.digit | Shape.plus)) === 0 && isDigitRun(value)) this.digitRuns++;
      this.phoneFailures.note(value);
    }
  }

  private readMoney(value: string, shape: number): void {
    const money =
      (shape & Shape.digit) !== 0 && (shape & (Shape.currency | Shape.letter)) !== 0
        ? readMoney(value)
        : null;
    if (!money) {
      this.moneyFailures.note(value);
      return;
    }
    let stats = this.currencies.get(money.currency);
    if (!stats) {
      stats = { count: 0, markers: new Set(), example: value, notations: perNotation() };
      this.currencies.set(money.currency, stats);
    }
    stats.count++;
    stats.markers.add(money.marker);
    for (const n of NOTATION_NAMES) {
      const r = readNumber(money.amount, NUMBER_NOTATIONS[n]);
      if (r) noteAmount(stats.notations[n], r, value);
      else stats.notations[n].failures.note(value);
    }
  }

  private readGeopoint(value: string, shape: number): void {
    const point =
      (shape & Shape.digit) !== 0 && (shape & (Shape.comma | Shape.letter)) !== 0
        ? readGeopoint(value)
        : null;
    if (!point) {
      this.geopointFailures.note(value);
      return;
    }
    this.geopoints[point.layout]++;
    this.geopointExample ??= value;
  }
}

function noteDate(stats: LayoutStats, reading: DateReading, value: string): void {
  stats.count++;
  if (!reading.monthPadded) stats.monthUnpadded++;
  if (!reading.dayPadded) stats.dayUnpadded++;
  if (reading.monthNameFull) stats.monthNamesFull++;
  if (reading.layout.ambiguous) {
    if (reading.dayFirstValid && reading.monthFirstValid) {
      stats.eitherOrder++;
      stats.eitherOrderExample ??= value;
    } else if (reading.dayFirstValid) {
      stats.dayFirstOnly++;
      stats.dayFirstOnlyExample ??= value;
    } else {
      stats.monthFirstOnly++;
      stats.monthFirstOnlyExample ??= value;
    }
  }
  const time = reading.time;
  if (!time) {
    stats.dateOnly++;
    return;
  }
  const key = `${time.separator}|${time.clock}`;
  let t = stats.times.get(key);
  if (!t) {
    t = {
      separator: time.separator,
      clock: time.clock,
      count: 0,
      hourUnpadded: 0,
      withSeconds: 0,
      withFraction: 0,
      maxFractionDigits: 0,
      zones: { none: 0, Z: 0, colon: 0, compact: 0, hour: 0, name: 0 },
      zoneSpaced: 0,
    };
    stats.times.set(key, t);
  }
  t.count++;
  if (!time.hourPadded) t.hourUnpadded++;
  if (time.seconds) t.withSeconds++;
  if (time.fractionDigits > 0) t.withFraction++;
  if (time.fractionDigits > t.maxFractionDigits) t.maxFractionDigits = time.fractionDigits;
  t.zones[time.zone]++;
  if (time.zoneSpaced) t.zoneSpaced++;
}

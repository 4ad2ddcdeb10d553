import type { ColumnStats, LayoutStats, TimeStats } from '../column-stats';
import type { InferenceWarning } from '../inference.types';
import { countOf, quote } from '../reason-text';
import { MONTH_TITLES } from '../recognisers/temporal-pattern';
import { candidate, type Candidate } from './candidate';

/** The time part of the pattern for one way of writing times; optional when some values have no time. */
function timePattern(t: TimeStats, optional: boolean): string {
  const hour = (t.clock === '24' ? 'H' : 'h').repeat(t.hourUnpadded === 0 ? 2 : 1);
  const digits = 'S'.repeat(t.maxFractionDigits);
  const fraction =
    t.withFraction === 0 ? '' : t.withFraction === t.withSeconds ? `.${digits}` : `[.${digits}]`;
  const seconds =
    t.withSeconds === 0 ? '' : t.withSeconds === t.count ? `:ss${fraction}` : `[:ss${fraction}]`;
  const clock = `${hour}:mm${seconds}`;
  const withMeridiem = {
    '24': clock,
    'a-suffix': `${clock} a`,
    'a-suffix-tight': `${clock}a`,
    'a-prefix': `a ${clock}`,
    'a-prefix-tight': `a${clock}`,
  }[t.clock];
  const zoned = t.count - t.zones.none;
  const token = t.zones.colon + t.zones.Z + t.zones.name > 0 ? 'XXX' : t.zones.compact > 0 ? 'XX' : 'X';
  const zonePart = `${t.zoneSpaced * 2 > zoned ? ' ' : ''}${token}`;
  const zone = zoned === 0 ? '' : zoned === t.count ? zonePart : `[${zonePart}]`;
  const body = `${t.separator === 'T' ? "'T'" : ' '}${withMeridiem}${zone}`;
  return optional ? `[${body}]` : body;
}

function zoneDetail(t: TimeStats): string {
  const zoned = t.count - t.zones.none;
  if (zoned === 0) return 'no value names a time zone: times are kept as written';
  if (zoned === t.count) return 'every time names its zone: times are converted to UTC';
  return `only ${countOf(zoned, 'time')} of ${t.count} name a zone: those are converted to UTC, the others kept as written`;
}

/** "03/05/2024" → "3 May or March 5". */
function bothReadings(example: string): string {
  const [a, b] = example.split(/\D/, 2).map(Number) as [number, number];
  return `${a} ${MONTH_TITLES[b - 1]} or ${MONTH_TITLES[a - 1]} ${b}`;
}

interface DateOrder {
  readonly patterns: readonly string[];
  readonly lost: number;
  readonly details: readonly string[];
  readonly warnings: readonly InferenceWarning[];
}

function dayMonthOrder(best: LayoutStats, dayFirst: string, monthFirst: string): DateOrder {
  if (best.dayFirstOnly === 0 && best.monthFirstOnly === 0)
    return {
      patterns: [dayFirst, monthFirst],
      lost: 0,
      details: [],
      warnings: [
        {
          code: 'ambiguous-date-order',
          message: `Every value reads both day-first and month-first (e.g. ${quote(best.eitherOrderExample!)} is ${bothReadings(best.eitherOrderExample!)}): choose ${dayFirst} or ${monthFirst}.`,
        },
      ],
    };
  const dayFirstWins = best.dayFirstOnly >= best.monthFirstOnly;
  const [winners, winnerExample, pattern, order] = dayFirstWins
    ? [best.dayFirstOnly, best.dayFirstOnlyExample!, dayFirst, 'day-first']
    : [best.monthFirstOnly, best.monthFirstOnlyExample!, monthFirst, 'month-first'];
  const lost = dayFirstWins ? best.monthFirstOnly : best.dayFirstOnly;
  const warnings: InferenceWarning[] =
    lost === 0
      ? []
      : [
          {
            code: 'mixed-date-order',
            message: `${countOf(best.dayFirstOnly, 'value')} can only be day-first (e.g. ${quote(best.dayFirstOnlyExample!)}) and ${countOf(best.monthFirstOnly, 'value')} only month-first (e.g. ${quote(best.monthFirstOnlyExample!)}): ${pattern} is proposed and the others will fail.`,
          },
        ];
  return {
    patterns: [pattern],
    lost,
    details: [`${countOf(winners, 'value')} can only be ${order} (e.g. ${quote(winnerExample)}): ${pattern}`],
    warnings,
  };
}

export function temporalCandidate(stats: ColumnStats): Candidate | null {
  const layouts = [...stats.layouts.values()].sort((a, b) => b.count - a.count);
  const best = layouts[0];
  if (!best) return null;
  const padding = {
    month: best.monthUnpadded === 0,
    day: best.dayUnpadded === 0,
    monthNameFull: best.monthNamesFull === best.count,
  };
  const order: DateOrder = best.layout.ambiguous
    ? dayMonthOrder(best, best.layout.pattern(padding, true), best.layout.pattern(padding, false))
    : { patterns: [best.layout.pattern(padding, true)], lost: 0, details: [], warnings: [] };
  const details = [...order.details];
  let matched = best.count - order.lost;

  const timed = best.count - best.dateOnly;
  let timePart = '';
  if (timed > 0) {
    const [main, ...others] = [...best.times.values()].sort((a, b) => b.count - a.count) as [
      TimeStats,
      ...TimeStats[],
    ];
    timePart = timePattern(main, best.dateOnly > 0);
    details.push(zoneDetail(main));
    if (best.dateOnly > 0)
      details.push(`${countOf(best.dateOnly, 'value')} without a time (read as midnight)`);
    const otherTimes = others.reduce((n, t) => n + t.count, 0);
    if (otherTimes > 0) {
      matched -= otherTimes;
      details.push(`${countOf(otherTimes, 'value')} with the time written another way will fail`);
    }
  }
  const otherLayouts = layouts.slice(1);
  const inOtherLayouts = otherLayouts.reduce((n, l) => n + l.count, 0);
  if (inOtherLayouts > 0)
    details.push(
      `${countOf(inOtherLayouts, 'value')} in another date layout (e.g. ${quote(otherLayouts[0]!.example)}) will fail`,
    );

  const patterns = order.patterns.map((p) => `${p}${timePart}`);
  const timestamp = timed > 0;
  const compact = best.layout.key === 'yyyymmdd';
  if (compact)
    details.push(
      '8-digit values between 1900 and 2100 that read as yyyyMMdd dates: they also read as whole numbers',
    );
  const iso =
    patterns[0]!.startsWith('yyyy-MM-dd') && (!timestamp || patterns[0]!.startsWith("yyyy-MM-dd'T'"));
  const forms = patterns.join(' or ');
  const noun = timestamp ? 'timestamps' : 'dates';
  return candidate({
    dataType: timestamp ? 'timestamp' : 'date',
    format: {
      kind: 'temporal',
      pattern: patterns.length === 1 ? patterns[0]! : null,
      choices: patterns.length === 1 ? [] : patterns,
    },
    matched,
    predicate: iso ? `parse as ISO ${noun} (${forms})` : `parse as ${noun} in the form ${forms}`,
    noun,
    details,
    // The type is sure but the format is not: the user still has to pick the order.
    certainty: compact ? 0.7 : patterns.length > 1 ? 0.9 : 1,
    warnings: order.warnings,
    failures: stats.temporalFailures.values,
  });
}

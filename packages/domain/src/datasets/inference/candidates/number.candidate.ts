import type { ColumnStats } from '../column-stats';
import type { ParseFormat } from '../inference.types';
import { countOf, quote } from '../reason-text';
import { NUMBER_NOTATIONS } from '../recognisers/number.recogniser';
import { bestNotation, separatorDetails } from './amount-text';
import { candidate, type Candidate } from './candidate';

/** A decimal proposal keeps at most this many fraction digits; longer fractions come from floating point. */
export const MAX_DECIMAL_SCALE = 9;
const MAX_DECIMAL_PRECISION = 38;
/** Leading zeros in this share of the values (or in a fixed-width column) make the column codes, not numbers. */
const LEADING_ZERO_SHARE = 0.01;

export function numberCandidate(stats: ColumnStats): Candidate | null {
  const name = bestNotation(stats.numbers);
  const s = stats.numbers[name];
  if (s.matched === 0) return null;
  const notation = NUMBER_NOTATIONS[name];
  const format: ParseFormat = {
    kind: 'number',
    decimalSeparator: notation.decimalSeparator,
    thousandsSeparator: s.grouped > 0 ? notation.thousandsSeparator : null,
  };
  const details = separatorDetails(s, notation);
  if (name === 'point' && s.grouped > 0 && stats.numbers.comma.matched === s.matched)
    details.push(
      'every value also reads with "," as the decimal separator: "," is read as grouping, the more common use',
    );
  const fixedWidth = s.digitsOnlyMin === s.digitsOnlyMax;
  const blocked =
    s.leadingZeros > 0 && (s.leadingZeros >= LEADING_ZERO_SHARE * s.matched || fixedWidth)
      ? `${countOf(s.leadingZeros, 'value')} with a leading zero (e.g. ${quote(s.leadingZeroExample!)}), which a number would drop: codes, kept as text`
      : null;
  const base = { format, matched: s.matched, failures: s.failures.values, blocked };

  if (s.doubleOnly > 0)
    return candidate({
      ...base,
      dataType: 'double',
      predicate: 'are numbers',
      noun: 'numbers',
      details: [
        ...details,
        `scientific notation, Infinity or NaN in ${countOf(s.doubleOnly, 'value')} (e.g. ${quote(s.doubleOnlyExample!)}): double`,
      ],
    });
  if (s.fractional === 0) {
    if (s.widest === 'integer')
      return candidate({
        ...base,
        dataType: 'integer',
        predicate: 'are whole numbers within the 32-bit integer range',
        noun: 'whole numbers',
        details,
      });
    if (s.widest === 'long')
      return candidate({
        ...base,
        dataType: 'long',
        predicate: 'are whole numbers',
        noun: 'whole numbers',
        details: [...details, `the largest needs 64 bits (e.g. ${quote(s.widestExample!)}): long`],
      });
    const digits = s.maxIntegerDigits;
    return candidate({
      ...base,
      dataType: { type: 'decimal', precision: Math.min(digits, MAX_DECIMAL_PRECISION), scale: 0 },
      predicate: 'are whole numbers',
      noun: 'whole numbers',
      details: [
        ...details,
        `the largest has ${digits} digits (e.g. ${quote(s.widestExample!)}), too many for a long: decimal(${digits},0)`,
      ],
      blocked:
        blocked ??
        (digits > MAX_DECIMAL_PRECISION
          ? `whole numbers of ${digits} digits fit no numeric type: kept as text`
          : null),
    });
  }
  const scale = s.maxScale;
  const precision = s.maxIntegerDigits + scale;
  if (scale > MAX_DECIMAL_SCALE || precision > MAX_DECIMAL_PRECISION)
    return candidate({
      ...base,
      dataType: 'double',
      predicate: 'are decimal numbers',
      noun: 'numbers',
      details: [
        ...details,
        scale > MAX_DECIMAL_SCALE
          ? `up to ${scale} digits after the point, more than the ${MAX_DECIMAL_SCALE} a decimal keeps (values computed in floating point): double`
          : `up to ${precision} significant digits, more than a decimal's ${MAX_DECIMAL_PRECISION}: double`,
      ],
    });
  return candidate({
    ...base,
    dataType: { type: 'decimal', precision, scale },
    predicate: 'are decimal numbers',
    noun: 'decimal numbers',
    details: [
      ...details,
      `at most ${s.maxIntegerDigits} integer digits and ${scale} decimals: decimal(${precision},${scale})`,
    ],
  });
}

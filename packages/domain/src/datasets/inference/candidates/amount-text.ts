import type { AmountStats } from '../column-stats';
import { countOf, quote } from '../reason-text';
import type { NumberNotation } from '../recognisers/number.recogniser';

const SEPARATOR_NAMES: Record<string, string> = { ',': '","', '.': '"."', ' ': 'a space' };

/** Sentences about how the digits are written: grouping and the decimal separator. */
export function separatorDetails(s: AmountStats, notation: NumberNotation): string[] {
  const details: string[] = [];
  if (s.grouped > 0 && notation.thousandsSeparator !== null)
    details.push(
      `thousands are grouped with ${SEPARATOR_NAMES[notation.thousandsSeparator]} in ${countOf(s.grouped, 'value')} (e.g. ${quote(s.groupedExample!)})`,
    );
  if (s.fractional > 0 && notation.decimalSeparator === ',')
    details.push(`the decimal separator is "," (e.g. ${quote(s.fractionExample!)})`);
  return details;
}

/** The notation that reads the most values; ties go to the first (the point notation). */
export function bestNotation<N extends string>(byNotation: Record<N, AmountStats>): N {
  const names = Object.keys(byNotation) as N[];
  return names.reduce((best, n) => (byNotation[n].matched > byNotation[best].matched ? n : best), names[0]!);
}

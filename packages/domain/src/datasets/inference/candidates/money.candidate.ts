import type { ColumnStats } from '../column-stats';
import type { InferenceWarning } from '../inference.types';
import { countOf, formatShare, quote } from '../reason-text';
import { NUMBER_NOTATIONS } from '../recognisers/number.recogniser';
import { bestNotation, separatorDetails } from './amount-text';
import { candidate, type Candidate } from './candidate';

/** A money column is one where most values carry the currency; bare amounts are read in that currency. */
const MIN_MARKED_SHARE = 0.5;

export function moneyCandidate(stats: ColumnStats): Candidate | null {
  const currencies = [...stats.currencies.entries()].sort((a, b) => b[1].count - a[1].count);
  const top = currencies[0];
  if (!top) return null;
  const [currency, money] = top;
  const name = bestNotation(money.notations);
  const notation = NUMBER_NOTATIONS[name];
  const amounts = money.notations[name];
  const bareNumbers = stats.numbers[name];
  const bare = bareNumbers.matched - bareNumbers.doubleOnly;
  const details = separatorDetails(amounts, notation);
  if (bare > 0) details.push(`${countOf(bare, 'value')} without a currency sign are read as ${currency}`);
  const others = currencies.slice(1);
  const inOthers = others.reduce((n, [, c]) => n + c.count, 0);
  const warnings: InferenceWarning[] =
    inOthers === 0
      ? []
      : [
          {
            code: 'mixed-currencies',
            message: `${countOf(inOthers, 'value')} in other currencies (${others.map(([c, s]) => `${c}, e.g. ${quote(s.example)}`).join('; ')}) will fail as ${currency}.`,
          },
        ];
  return candidate({
    dataType: { type: 'money', currency },
    format: {
      kind: 'money',
      currency,
      decimalSeparator: notation.decimalSeparator,
      thousandsSeparator: amounts.grouped + bareNumbers.grouped > 0 ? notation.thousandsSeparator : null,
    },
    matched: amounts.matched + bare,
    predicate: `are amounts in ${currency} (written with ${[...money.markers].map(quote).join(', ')}, e.g. ${quote(money.example)})`,
    noun: `amounts in ${currency}`,
    details,
    warnings,
    failures: stats.moneyFailures.values,
    blocked:
      money.count < MIN_MARKED_SHARE * stats.nonNull
        ? `only ${formatShare(money.count, stats.nonNull)} of the values carry a currency (${currency}): too few to call the column money`
        : null,
  });
}

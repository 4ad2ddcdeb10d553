import type { ColumnStats } from '../column-stats';
import { quote } from '../reason-text';
import { pairByName, readBooleanToken, type BooleanPairName } from '../recognisers/boolean.recogniser';
import { candidate, type Candidate } from './candidate';

const spellings = (tokens: { spelling: string; count: number }[]) =>
  tokens.map((t) => `${quote(t.spelling)} ×${t.count}`).join(', ');

export function booleanCandidate(stats: ColumnStats): Candidate | null {
  if (stats.booleans === 0) return null;
  const tokens = [...stats.booleanTokens.entries()].map(([key, t]) => ({
    ...t,
    key,
    pair: readBooleanToken(key)!.pair,
  }));
  const pairs = [...new Set(tokens.map((t) => t.pair))].sort() as BooleanPairName[];
  const trues = tokens.filter((t) => t.value).sort((a, b) => b.count - a.count);
  const falses = tokens.filter((t) => !t.value).sort((a, b) => b.count - a.count);
  const details = [
    trues.length > 0 ? `true is written ${spellings(trues)}` : null,
    falses.length > 0 ? `false is written ${spellings(falses)}` : null,
  ].filter((d): d is string => d !== null);
  const oneSided = trues.length === 0 || falses.length === 0;
  if (oneSided)
    details.push(
      `only ${trues.length === 0 ? 'false' : 'true'} values appear: the column may be a flag that is set or empty`,
    );
  return candidate({
    dataType: 'boolean',
    format: {
      kind: 'boolean',
      trueTokens: pairs.flatMap((p) => pairByName(p).true),
      falseTokens: pairs.flatMap((p) => pairByName(p).false),
    },
    matched: stats.booleans,
    predicate: `are yes/no values (${pairs.join(', ')})`,
    noun: 'yes/no values',
    details,
    certainty: oneSided ? 0.6 : 1,
    failures: stats.booleanFailures.values,
  });
}

/** Only "0" and "1" appear: the values alone cannot tell a flag from a count. */
export const onlyZeroAndOne = (stats: ColumnStats): boolean =>
  stats.booleans >= stats.options.minShare * stats.nonNull &&
  [...stats.booleanTokens.keys()].every((k) => k === '0' || k === '1');

/**
 * Token pairs a yes/no column is written with. Each token belongs to one pair so that a column's format can name
 * the pairs it uses; the pairs a column mixes are read together ("Y", "yes", "N", "no").
 */
export const BOOLEAN_PAIRS = [
  { name: 'true/false', true: ['true'], false: ['false'] },
  { name: 'T/F', true: ['t'], false: ['f'] },
  { name: 'yes/no', true: ['yes'], false: ['no'] },
  { name: 'Y/N', true: ['y'], false: ['n'] },
  { name: 'on/off', true: ['on'], false: ['off'] },
  { name: '1/0', true: ['1'], false: ['0'] },
  { name: '예/아니오', true: ['예', '네'], false: ['아니오', '아니요'] },
  { name: 'O/X', true: ['o'], false: ['x'] },
] as const;

export type BooleanPairName = (typeof BOOLEAN_PAIRS)[number]['name'];

interface TokenMeaning {
  readonly value: boolean;
  readonly pair: BooleanPairName;
}

const TOKENS = new Map<string, TokenMeaning>();
for (const pair of BOOLEAN_PAIRS) {
  for (const t of pair.true) TOKENS.set(t, { value: true, pair: pair.name });
  for (const t of pair.false) TOKENS.set(t, { value: false, pair: pair.name });
}

const LONGEST_TOKEN = Math.max(...[...TOKENS.keys()].map((t) => t.length));

/** The meaning of a trimmed cell as a yes/no token, case-insensitively, or null. */
export function readBooleanToken(text: string): TokenMeaning | null {
  if (text.length > LONGEST_TOKEN) return null;
  return TOKENS.get(text.toLowerCase()) ?? null;
}

export const pairByName = (name: BooleanPairName) => BOOLEAN_PAIRS.find((p) => p.name === name)!;

/**
 * Names that mark a flag, for the one case the values cannot decide: a column of only 0 and 1. Without such a name
 * the column stays an integer (sums and averages keep working; nothing is lost).
 */
const FLAG_NAME =
  /^(is|has|can|should|was|did|allow|use)([_\s-]|[A-Z])|(^|[_\s-])(flag|yn|bool|boolean|active|enabled|disabled|deleted|valid)$|여부$/i;

export const looksLikeFlagName = (column: string): boolean => FLAG_NAME.test(column.trim());

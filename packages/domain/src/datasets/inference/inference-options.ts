import type { InferenceOptions } from './inference.types';

/**
 * The brief's null tokens. `NA` is deliberately not among them: it is Namibia's country code, and a column of
 * codes would lose it. Pass `nullTokens` to add it for R exports.
 */
export const DEFAULT_NULL_TOKENS: readonly string[] = ['', 'null', 'n/a', '-'];

export const DEFAULT_MIN_SHARE = 0.95;
export const DEFAULT_ENUM_MAX_VALUES = 20;

export interface ResolvedOptions {
  readonly nullTokens: readonly string[];
  /** Lower-cased, for the look-up. */
  readonly nullTokenSet: ReadonlySet<string>;
  readonly longestNullToken: number;
  readonly minShare: number;
  readonly enumMaxValues: number;
}

export function resolveOptions(options: InferenceOptions = {}): ResolvedOptions {
  const nullTokens = options.nullTokens ?? DEFAULT_NULL_TOKENS;
  const normalised = nullTokens.map((t) => t.trim().toLowerCase());
  return {
    nullTokens,
    nullTokenSet: new Set(normalised),
    longestNullToken: Math.max(0, ...normalised.map((t) => t.length)),
    minShare: options.minShare ?? DEFAULT_MIN_SHARE,
    enumMaxValues: options.enumMaxValues ?? DEFAULT_ENUM_MAX_VALUES,
  };
}

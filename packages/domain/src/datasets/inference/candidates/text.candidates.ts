import type { ColumnStats } from '../column-stats';
import type { ResolvedOptions } from '../inference-options';
import { countOf, formatCount, formatShare, quote } from '../reason-text';
import { candidate, type Candidate } from './candidate';

/** An enum's values each appear at least this many times on average: a closed list repeats itself. */
export const ENUM_MIN_AVERAGE_REPEATS = 3;
/** Longer values are sentences, not labels. */
export const ENUM_MAX_VALUE_LENGTH = 50;
/** An identifier column's values are nearly all different. */
export const IDENTIFIER_MIN_DISTINCT_SHARE = 0.9;
/** Most identifiers look like codes; some are plain words (licence ids such as "Zlib"), so not all need to. */
export const IDENTIFIER_MIN_CODE_SHARE = 0.8;

const TEXT = { kind: 'text' } as const;

export function enumCandidate(stats: ColumnStats, options: ResolvedOptions): Candidate | null {
  const distinct = stats.distinct;
  if (!distinct.exact || distinct.count === 0 || distinct.count > options.enumMaxValues) return null;
  if (stats.maxLength > ENUM_MAX_VALUE_LENGTH || stats.nonNull < ENUM_MIN_AVERAGE_REPEATS * distinct.count)
    return null;
  const values = distinct.values();
  if (values.some((v) => v.value === '')) return null;
  const shown = values.slice(0, 5).map((v) => `${quote(v.value)} ×${formatCount(v.count)}`);
  const average = stats.nonNull / distinct.count;
  return candidate({
    dataType: { type: 'enum', values: values.map((v) => v.value) },
    format: TEXT,
    matched: stats.nonNull,
    predicate: `take ${countOf(distinct.count, 'distinct value')} (${shown.join(', ')}${values.length > 5 ? ', …' : ''})`,
    noun: 'listed values',
    details: [
      `each value appears ${average.toFixed(1)} times on average: an enum (at most ${options.enumMaxValues} distinct values, each appearing at least ${ENUM_MIN_AVERAGE_REPEATS} times on average, none longer than ${ENUM_MAX_VALUE_LENGTH} characters)`,
    ],
    certainty: 0.9,
  });
}

export function identifierCandidate(stats: ColumnStats, options: ResolvedOptions): Candidate | null {
  if (
    stats.codes < IDENTIFIER_MIN_CODE_SHARE * stats.nonNull ||
    stats.spaceless < options.minShare * stats.nonNull
  )
    return null;
  const distinctShare = Math.min(1, stats.distinct.count / stats.nonNull);
  if (distinctShare < IDENTIFIER_MIN_DISTINCT_SHARE) return null;
  const distinctText = stats.distinct.exact
    ? `${distinctShare === 1 ? 'all' : formatShare(stats.distinct.count, stats.nonNull)} are distinct`
    : `about ${Math.round(distinctShare * 100)}% are distinct (estimated)`;
  return candidate({
    dataType: 'string',
    format: TEXT,
    identifier: true,
    matched: stats.nonNull,
    predicate: `are single tokens without spaces, ${formatShare(stats.codes, stats.nonNull)} of them codes with digits or capitals (e.g. ${quote(stats.codeExample!)})`,
    noun: 'codes',
    details: [`${distinctText}: an identifier, kept as text`],
    certainty: 0.9,
  });
}

export function stringCandidate(
  stats: ColumnStats,
  closest: { candidate: Candidate; share: number } | null,
  minShare: number,
): Candidate {
  const predicate = `are text (e.g. ${stats.samples.values.map(quote).join(', ')})`;
  const details =
    closest && closest.share >= 0.5
      ? [
          `no type reads ${formatShare(minShare, 1)} of the values: the closest, ${closest.candidate.noun}, reads ${formatShare(closest.candidate.matched, stats.nonNull)}${closest.candidate.failures.length ? ` (not e.g. ${closest.candidate.failures.map(quote).join(', ')})` : ''}`,
        ]
      : [];
  return candidate({
    dataType: 'string',
    format: TEXT,
    matched: stats.nonNull,
    predicate,
    noun: 'text',
    details,
    certainty: closest ? Math.max(0.5, 1 - closest.share) : 1,
  });
}

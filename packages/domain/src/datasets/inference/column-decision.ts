import { booleanCandidate, onlyZeroAndOne } from './candidates/boolean.candidate';
import type { Candidate } from './candidates/candidate';
import { moneyCandidate } from './candidates/money.candidate';
import { numberCandidate } from './candidates/number.candidate';
import {
  emailCandidate,
  geopointCandidate,
  phoneCandidate,
  urlCandidate,
} from './candidates/pattern.candidates';
import { temporalCandidate } from './candidates/temporal.candidate';
import { enumCandidate, identifierCandidate, stringCandidate } from './candidates/text.candidates';
import type { ColumnStats } from './column-stats';
import type { ColumnProposal, InferenceAlternative, InferenceWarning, NullSummary } from './inference.types';
import { countOf, formatCount, formatShare, quote } from './reason-text';
import { looksLikeFlagName } from './recognisers/boolean.recogniser';

/** Below this many non-null values the confidence is lowered: a handful of values proves little. */
const WELL_SAMPLED = 30;

const round2 = (x: number) => Math.round(x * 100) / 100;

function nullSummary(stats: ColumnStats): NullSummary {
  const tokens = [...stats.nullSpellings]
    .map(([token, count]) => ({ token, count }))
    .sort((a, b) => b.count - a.count);
  return {
    count: stats.nullCount,
    share: stats.rowCount === 0 ? 0 : stats.nullCount / stats.rowCount,
    missing: stats.missing,
    tokens,
  };
}

function nullReason(stats: ColumnStats, nulls: NullSummary): string | null {
  if (nulls.count === 0) return null;
  const parts = [
    ...(nulls.missing > 0 ? [`${formatCount(nulls.missing)} missing`] : []),
    ...nulls.tokens.map((t) =>
      t.token === '' ? `${formatCount(t.count)} empty` : `${formatCount(t.count)} ${quote(t.token)}`,
    ),
  ];
  return `${formatShare(nulls.count, stats.rowCount)} of ${formatCount(stats.rowCount)} values are null (${parts.join(', ')})`;
}

/**
 * The order in which typed candidates are tried: the most specific first, so that "2024-03-05" is a date before it
 * is text and "010-1234-5678" a phone before anything else. A column of only 0 and 1 is the exception: it is an
 * integer unless its name marks a flag (see looksLikeFlagName), since the values alone cannot tell.
 */
function typedCandidates(stats: ColumnStats): {
  ordered: Candidate[];
  zeroOne: 'integer' | 'boolean' | null;
} {
  const bool = booleanCandidate(stats);
  const zeroOne =
    bool && onlyZeroAndOne(stats) ? (looksLikeFlagName(stats.column) ? 'boolean' : 'integer') : null;
  const ordered = [
    zeroOne === 'integer' ? null : bool,
    temporalCandidate(stats),
    moneyCandidate(stats),
    geopointCandidate(stats),
    emailCandidate(stats),
    urlCandidate(stats),
    phoneCandidate(stats),
    numberCandidate(stats),
    zeroOne === 'integer' ? bool : null,
  ].filter((c): c is Candidate => c !== null);
  return { ordered, zeroOne };
}

function zeroOneNote(chosen: Candidate, column: string, zeroOne: 'integer' | 'boolean' | null): Candidate {
  if (zeroOne === 'integer' && chosen.dataType === 'integer')
    return {
      ...chosen,
      certainty: 0.7,
      details: [
        ...chosen.details,
        `only 0 and 1 appear: read as integers because the name ${quote(column)} does not mark a flag (is_…, has_…, …_yn, …_flag, …여부); choose boolean to read them as false/true`,
      ],
    };
  if (zeroOne === 'boolean' && chosen.dataType === 'boolean')
    return {
      ...chosen,
      certainty: 0.85,
      details: [
        ...chosen.details,
        `only 0 and 1 appear and the name ${quote(column)} marks a flag: read as false/true`,
      ],
    };
  return chosen;
}

const share = (c: Candidate, stats: ColumnStats) => c.matched / stats.nonNull;

function allNull(stats: ColumnStats, nulls: NullSummary): ColumnProposal {
  const reason =
    stats.rowCount === 0 ? 'the column has no rows' : `all ${formatCount(stats.rowCount)} values are null`;
  return {
    column: stats.column,
    dataType: 'string',
    format: { kind: 'text' },
    nullTokens: stats.options.nullTokens,
    identifier: false,
    confidence: 0,
    reasons: [reason, ...[nullReason(stats, nulls)].filter((r): r is string => r !== null)],
    warnings: [{ code: 'all-null', message: `No value to infer a type from: ${reason}; proposed as text.` }],
    rowCount: stats.rowCount,
    nonNullCount: 0,
    matchCount: 0,
    nulls,
    distinct: { count: 0, exact: true },
    alternatives: [],
  };
}

function alternative(c: Candidate, stats: ColumnStats, minShare: number): InferenceAlternative {
  const s = share(c, stats);
  const reason = c.blocked
    ? c.blocked
    : s < minShare
      ? `only ${formatShare(c.matched, stats.nonNull)} of the values ${c.predicate}`
      : `${formatShare(c.matched, stats.nonNull)} of the values ${c.predicate} too`;
  return { dataType: c.dataType, format: c.format, identifier: c.identifier === true, share: s, reason };
}

export function decideColumn(stats: ColumnStats): ColumnProposal {
  const nulls = nullSummary(stats);
  if (stats.nonNull === 0) return allNull(stats, nulls);
  const { minShare } = stats.options;
  const { ordered, zeroOne } = typedCandidates(stats);
  const fits = (c: Candidate) => c.blocked === null && share(c, stats) >= minShare;
  const typed = ordered.find(fits);
  const enumeration = enumCandidate(stats, stats.options);
  const identifier = identifierCandidate(stats, stats.options);
  const closest = ordered.reduce<{ candidate: Candidate; share: number } | null>(
    (best, c) =>
      best === null || share(c, stats) > best.share ? { candidate: c, share: share(c, stats) } : best,
    null,
  );
  const chosen = typed
    ? zeroOneNote(typed, stats.column, zeroOne)
    : (enumeration ?? identifier ?? stringCandidate(stats, closest, minShare));

  const chosenShare = share(chosen, stats);
  const evidence = stats.nonNull >= WELL_SAMPLED ? 1 : 0.6 + (0.4 * stats.nonNull) / WELL_SAMPLED;
  const reasons = [
    `${formatShare(chosen.matched, stats.nonNull)} of ${countOf(stats.nonNull, 'non-null value')} ${chosen.predicate}`,
    ...chosen.details,
  ];
  // Text chosen although a type read the values: say why that type could not be used (leading zeros, …).
  if (!typed)
    for (const c of ordered) if (c.blocked !== null && share(c, stats) >= minShare) reasons.push(c.blocked);
  const nullText = nullReason(stats, nulls);
  if (nullText) reasons.push(nullText);
  if (stats.padded > 0) reasons.push(`spaces around ${countOf(stats.padded, 'value')} are ignored`);
  if (evidence < 1) reasons.push(`only ${countOf(stats.nonNull, 'non-null value')}: confidence is lowered`);

  const warnings: InferenceWarning[] = [...chosen.warnings];
  const failing = stats.nonNull - chosen.matched;
  if (failing > 0)
    warnings.push({
      code: 'unparseable-values',
      message: `${countOf(failing, 'value')} (${formatShare(failing, stats.nonNull)}) cannot be read as ${chosen.noun} and will fail the typed commit${chosen.failures.length ? ` (e.g. ${chosen.failures.map(quote).join(', ')})` : ''}.`,
    });

  // An identifier is an alternative to text only: dates and numbers are code-like too, and saying so helps nobody.
  const textChosen = typed === undefined;
  const alternatives = [...ordered, enumeration, textChosen ? identifier : null]
    .filter((c): c is Candidate => c !== null && c !== typed && c !== chosen && c.matched > 0)
    .map((c) => alternative(c, stats, minShare))
    .sort((a, b) => b.share - a.share);
  if (chosen.dataType !== 'string' || chosen.identifier)
    alternatives.push({
      dataType: 'string',
      format: { kind: 'text' },
      identifier: false,
      share: 1,
      reason: 'text keeps every value as written',
    });

  return {
    column: stats.column,
    dataType: chosen.dataType,
    format: chosen.format,
    nullTokens: stats.options.nullTokens,
    identifier: chosen.identifier === true,
    confidence: round2(chosenShare * evidence * chosen.certainty),
    reasons,
    warnings,
    rowCount: stats.rowCount,
    nonNullCount: stats.nonNull,
    matchCount: chosen.matched,
    nulls,
    distinct: { count: stats.distinct.count, exact: stats.distinct.exact },
    alternatives,
  };
}

import { createValueParser, dataTypeName, inferColumn, type ColumnProposal } from '@spice/domain';
import { LABELS, type CorpusColumn, type Label } from './corpus';

/** What the benchmark compares with a label: the type's name, or "identifier" for a string flagged as one. */
export const predictedLabel = (p: ColumnProposal): string =>
  p.identifier ? 'identifier' : dataTypeName(p.dataType);

/** Padding does not change what a pattern reads (M reads "03"), so "MM/dd" and "M/d" compare equal. */
const loosePattern = (p: string) =>
  p
    .replace(/(?<![M])M{1,2}(?!M)/g, 'M')
    .replace(/d{1,2}/g, 'd')
    .replace(/H{1,2}/g, 'H')
    .replace(/h{1,2}/g, 'h');

function formatOf(p: ColumnProposal): string {
  switch (p.format.kind) {
    case 'temporal':
      return p.format.pattern ?? 'ambiguous';
    case 'money':
      return p.format.currency;
    case 'geopoint':
      return p.format.layout;
    default:
      return '';
  }
}

export interface ColumnResult {
  readonly column: CorpusColumn;
  readonly proposal: ColumnProposal;
  readonly predicted: string;
  readonly correct: boolean;
  /** Null when the label names no format. */
  readonly formatCorrect: boolean | null;
  /** Non-null values parseValue accepts with the proposal; matchCount says how many inference counted. */
  readonly parsed: number | null;
}

export interface AccuracyReport {
  readonly results: readonly ColumnResult[];
  readonly perType: readonly { label: Label; support: number; predicted: number; truePositives: number }[];
  readonly milliseconds: number;
}

function parsedCount(c: CorpusColumn, p: ColumnProposal): number | null {
  if (p.format.kind === 'temporal' && p.format.pattern === null) return null;
  const parse = createValueParser(p);
  let ok = 0;
  for (const v of c.values) {
    const outcome = parse(v);
    if (outcome.ok && outcome.value !== null) ok++;
  }
  return ok;
}

export function measureAccuracy(corpus: readonly CorpusColumn[]): AccuracyReport {
  const start = performance.now();
  const proposals = corpus.map((c) => inferColumn(c.name, c.values));
  const milliseconds = performance.now() - start;
  const results = corpus.map((column, i): ColumnResult => {
    const proposal = proposals[i]!;
    const predicted = predictedLabel(proposal);
    const correct = predicted === column.expected;
    const formatCorrect =
      column.format === '' || !correct
        ? null
        : loosePattern(formatOf(proposal)) === loosePattern(column.format);
    return { column, proposal, predicted, correct, formatCorrect, parsed: parsedCount(column, proposal) };
  });
  const perType = LABELS.map((label) => ({
    label,
    support: results.filter((r) => r.column.expected === label).length,
    predicted: results.filter((r) => r.predicted === label).length,
    truePositives: results.filter((r) => r.correct && r.predicted === label).length,
  }));
  return { results, perType, milliseconds };
}

import type { DataType } from '@spice/domain';

/**
 * What type inference said about one column (the domain's ColumnProposal, as much of it as the review shows).
 * The job carries it as `unknown` (it is a report, not a contract), so it is read defensively.
 */
export interface ColumnInference {
  readonly column: string;
  readonly dataType: DataType;
  readonly confidence: number;
  readonly identifier: boolean;
  readonly reasons: readonly string[];
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  /** Date patterns (`dd/MM/yyyy`) that all read the column: the day/month order is the user's call. */
  readonly dateChoices: readonly string[];
  readonly nulls: { readonly count: number; readonly share: number };
  readonly distinct: { readonly count: number; readonly exact: boolean };
  readonly alternatives: readonly { readonly dataType: DataType; readonly share: number; readonly reason: string }[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The inference report per column name; columns it does not describe are simply missing. */
export function inferenceByColumn(inference: unknown): Map<string, ColumnInference> {
  const byName = new Map<string, ColumnInference>();
  const columns = isRecord(inference) && Array.isArray(inference.columns) ? inference.columns : [];
  for (const c of columns) {
    if (!isRecord(c) || typeof c.column !== 'string') continue;
    const format = isRecord(c.format) ? c.format : {};
    const nulls = isRecord(c.nulls) ? c.nulls : {};
    const distinct = isRecord(c.distinct) ? c.distinct : {};
    byName.set(c.column, {
      column: c.column,
      dataType: (c.dataType ?? 'string') as DataType,
      confidence: num(c.confidence),
      identifier: c.identifier === true,
      reasons: strings(c.reasons),
      warnings: (Array.isArray(c.warnings) ? c.warnings : [])
        .filter(isRecord)
        .map((w) => ({ code: String(w.code ?? ''), message: String(w.message ?? '') })),
      dateChoices: format.kind === 'temporal' ? strings(format.choices) : [],
      nulls: { count: num(nulls.count), share: num(nulls.share) },
      distinct: { count: num(distinct.count), exact: distinct.exact === true },
      alternatives: (Array.isArray(c.alternatives) ? c.alternatives : [])
        .filter(isRecord)
        .map((a) => ({ dataType: (a.dataType ?? 'string') as DataType, share: num(a.share), reason: String(a.reason ?? '') })),
    });
  }
  return byName;
}

/** The temporal type an ambiguous column becomes once its pattern is chosen (a time part makes it a timestamp). */
export const temporalTypeOf = (pattern: string): 'date' | 'timestamp' => (/[Hhms]/.test(pattern) ? 'timestamp' : 'date');

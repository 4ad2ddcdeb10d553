import type { DataType } from '../../../ontology/model/data-type';
import type { InferenceWarning, ParseFormat } from '../inference.types';

/** A type the column's values were tested against, with what the test found. */
export interface Candidate {
  readonly dataType: DataType;
  readonly format: ParseFormat;
  readonly identifier?: boolean;
  /** Non-null values the format reads: parseValue accepts exactly these. */
  readonly matched: number;
  /** Completes "98.2% of 5,000 non-null values …". */
  readonly predicate: string;
  /** What the values are, in the plural, for warnings: "whole numbers", "dates". */
  readonly noun: string;
  readonly details: readonly string[];
  /** 1, or less when the decision rests on thin evidence (0/1 columns, compact dates, single tokens). */
  readonly certainty: number;
  readonly warnings: readonly InferenceWarning[];
  /** Examples of values it does not read. */
  readonly failures: readonly string[];
  /** Why it cannot be proposed however many values it reads; null when it can. */
  readonly blocked: string | null;
}

export const candidate = (
  c: Omit<Candidate, 'details' | 'certainty' | 'warnings' | 'failures' | 'blocked'> & Partial<Candidate>,
): Candidate => ({
  details: [],
  certainty: 1,
  warnings: [],
  failures: [],
  blocked: null,
  ...c,
});

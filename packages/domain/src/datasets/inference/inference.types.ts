import type { DataType } from '../../ontology/model/data-type';

/** How a column's text is cast to its type: everything the typed commit needs beyond the type itself. */
export type ParseFormat =
  | { readonly kind: 'text' }
  | {
      readonly kind: 'number';
      readonly decimalSeparator: DecimalSeparator;
      /** null: digits are never grouped. */
      readonly thousandsSeparator: ThousandsSeparator | null;
    }
  | {
      readonly kind: 'boolean';
      /** Compared case-insensitively after trimming. */
      readonly trueTokens: readonly string[];
      readonly falseTokens: readonly string[];
    }
  | {
      readonly kind: 'temporal';
      /** A pattern such as `yyyy-MM-dd` or `dd/MM/yyyy HH:mm` (see temporal-pattern.ts); null until the user picks one of `choices`. */
      readonly pattern: string | null;
      /** More than one pattern reads every value: the day/month order is ambiguous and the user chooses. */
      readonly choices: readonly string[];
    }
  | {
      readonly kind: 'money';
      readonly currency: string;
      readonly decimalSeparator: DecimalSeparator;
      readonly thousandsSeparator: ThousandsSeparator | null;
    }
  | { readonly kind: 'geopoint'; readonly layout: GeopointLayout };

export type DecimalSeparator = '.' | ',';
/** ' ' stands for any space, including the no-break spaces spreadsheets write. */
export type ThousandsSeparator = ',' | '.' | ' ';
export type GeopointLayout = 'lat,lon' | 'POINT(lon lat)';

/** What parseValue needs to cast one cell. A ColumnProposal is one; so is a user's override. */
export interface ParseSpec {
  readonly dataType: DataType;
  readonly format: ParseFormat;
  /** Compared case-insensitively after trimming; a missing cell (null) is always null. */
  readonly nullTokens: readonly string[];
}

export interface InferenceWarning {
  readonly code:
    'ambiguous-date-order' | 'mixed-date-order' | 'unparseable-values' | 'mixed-currencies' | 'all-null';
  readonly message: string;
}

/** A type the column could also have, with how much of it fits. */
export interface InferenceAlternative {
  readonly dataType: DataType;
  readonly format: ParseFormat;
  readonly identifier: boolean;
  /** Share of the non-null values this type reads, 0..1. */
  readonly share: number;
  readonly reason: string;
}

export interface NullSummary {
  /** Missing cells plus null tokens. */
  readonly count: number;
  /** count / rowCount (0 for an empty column). */
  readonly share: number;
  /** Cells that were missing altogether (null rather than text). */
  readonly missing: number;
  /** Each null token as it was spelled, most frequent first. */
  readonly tokens: readonly { readonly token: string; readonly count: number }[];
}

export interface ColumnProposal extends ParseSpec {
  readonly column: string;
  /** A string column of codes (high cardinality, no spaces, e.g. ABC-00123): a candidate key, not free text. */
  readonly identifier: boolean;
  /** 0..1: how much of the column the type reads, lowered for small samples and for decisions made on thin evidence. */
  readonly confidence: number;
  /** Short sentences a user can check against the data. */
  readonly reasons: readonly string[];
  readonly warnings: readonly InferenceWarning[];
  readonly rowCount: number;
  readonly nonNullCount: number;
  /** Non-null values the proposed type and format read; the rest would fail the typed commit. */
  readonly matchCount: number;
  readonly nulls: NullSummary;
  /** Exact while the column has at most `distinctExactLimit` distinct values, then estimated. */
  readonly distinct: { readonly count: number; readonly exact: boolean };
  readonly alternatives: readonly InferenceAlternative[];
}

export interface TableProposal {
  readonly rowCount: number;
  readonly columns: readonly ColumnProposal[];
}

export interface InferenceOptions {
  /** Replaces the default tokens (see DEFAULT_NULL_TOKENS). */
  readonly nullTokens?: readonly string[];
  /** The share of non-null values a type must read to be proposed (default 0.95). */
  readonly minShare?: number;
  /** A text column with at most this many distinct values, each repeated, is an enum (default 20). */
  readonly enumMaxValues?: number;
}

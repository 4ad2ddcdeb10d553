import type { DataType } from '../../ontology/model/data-type';
import type { ColumnFormat, DatasetColumn } from '../dataset/dataset-schema';
import { inferTable } from '../inference';
import type { ColumnProposal, ParseFormat, TableProposal } from '../inference';
import { markersOf } from '../inference/recognisers/money.recogniser';

/**
 * Type inference's proposal as the schema a version is committed with. Inference speaks in date patterns
 * (`dd/MM/yyyy`); the cast speaks strptime (`%d/%m/%Y`). A pattern strptime cannot express (an optional
 * section, Korean 오전/오후), or a date whose day/month order is ambiguous, is proposed as text with the
 * reason, for the user to settle at review rather than guessed.
 */
export function proposeDatasetSchema(sample: {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | null)[])[];
  /** Rows in the whole file; more than the sample holds means values the sample did not see may exist. */
  readonly totalRows?: number;
}): {
  schema: DatasetColumn[];
  details: TableProposal;
} {
  const details = inferTable(sample.columns, sample.rows);
  const partial = sample.totalRows !== undefined && sample.totalRows > sample.rows.length;
  return {
    schema: details.columns.map((proposal) => {
      const column = columnFromProposal(proposal);
      // An enum read from a sample would refuse the first value the sample missed: propose text, and leave the
      // enum for the reviewer to choose (inference lists it as the proposal in its details).
      return partial && typeof column.dataType === 'object' && column.dataType.type === 'enum' ? { ...column, dataType: 'string' } : column;
    }),
    details,
  };
}

export function columnFromProposal(proposal: ColumnProposal): DatasetColumn {
  const base = { name: proposal.column, nullable: true, description: '' };
  const format = castFormat(proposal.dataType, proposal.format);
  const dataType = format === null ? 'string' : proposal.dataType;
  // Text keeps every value but the null tokens this column was seen to use ("-" may be a real value there);
  // a typed column reads every null token as null. The empty cell is always null.
  const tokens = (dataType === 'string' ? proposal.nulls.tokens.map((t) => t.token) : proposal.nullTokens).filter((t) => t.trim() !== '');
  const nullTokens = tokens.length ? { nullTokens: [...new Set(tokens)] } : {};
  return { ...base, dataType, format: { ...nullTokens, ...(format ?? {}) } };
}

/** The cast's format for an inferred type and parse format; null when the cast cannot read it that way. */
function castFormat(dataType: DataType, format: ParseFormat): ColumnFormat | null {
  switch (format.kind) {
    case 'text':
    case 'geopoint':
      return {};
    case 'number':
      return separators(format.decimalSeparator, format.thousandsSeparator);
    case 'money':
      return { ...separators(format.decimalSeparator, format.thousandsSeparator), currencyTokens: markersOf(format.currency) };
    case 'boolean':
      return { trueTokens: [...format.trueTokens], falseTokens: [...format.falseTokens] };
    case 'temporal': {
      // ISO 8601 text needs no pattern: the cast reads it natively, with any zone (Z, +09:00), and faster.
      if (format.pattern !== null && ISO_PATTERN.test(format.pattern)) return {};
      const pattern = format.pattern === null ? null : toStrptime(format.pattern);
      if (pattern === null) return null;
      return dataType === 'date' ? { dateFormat: pattern } : { timestampFormat: pattern };
    }
  }
}

function separators(decimal: '.' | ',', thousands: ',' | '.' | ' ' | null): ColumnFormat {
  return { ...(decimal === ',' ? { decimalSeparator: ',' } : {}), ...(thousands ? { thousandsSeparator: thousands } : {}) };
}

const ISO_PATTERN = /^yyyy-MM-dd(\[?('T'|' '| )HH:mm(\[?:ss(\[?\.S+\]?)?\]?)?(\[?X{1,3}\]?)?\]?)?$/;

const TOKENS: readonly (readonly [string, string])[] = [
  ['yyyy', '%Y'],
  ['MMMM', '%B'],
  ['MMM', '%b'],
  ['MM', '%m'],
  ['M', '%m'],
  ['dd', '%d'],
  ['d', '%d'],
  ['HH', '%H'],
  ['H', '%H'],
  ['hh', '%I'],
  ['h', '%I'],
  ['mm', '%M'],
  ['m', '%M'],
  ['ss', '%S'],
  ['s', '%S'],
  ['XXX', '%z'],
  ['XX', '%z'],
  ['X', '%z'],
];

/**
 * A date pattern in DateTimeFormatter letters as a strptime pattern, or null when strptime has no equivalent:
 * optional sections, fractions of a second, and meridiem markers other than AM/PM.
 */
export function toStrptime(pattern: string): string | null {
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) return null;
      out += end === i + 1 ? "'" : pattern.slice(i + 1, end).replaceAll('%', '%%');
      i = end + 1;
      continue;
    }
    if (ch === '[' || ch === ']' || ch === 'S' || ch === 'a') return null;
    const token = TOKENS.find(([letters]) => pattern.startsWith(letters, i));
    if (token) {
      out += token[1];
      i += token[0].length;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) return null;
    out += ch === '%' ? '%%' : ch;
    i++;
  }
  return /['\\]/.test(out) ? null : out;
}

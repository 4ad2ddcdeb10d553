import { toStrptime, type ColumnFormat, type DataType } from '@spice/domain';

/** A column as the review edits it: every field present, so the table binds to it directly. */
export interface DraftColumn {
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
  readonly format: ColumnFormat;
  readonly description: string;
}

type FormatKey = keyof ColumnFormat;

const typeName = (t: DataType) => (typeof t === 'string' ? t : t.type);
const NUMBER_KEYS: FormatKey[] = ['decimalSeparator', 'thousandsSeparator'];

/** The format fields that mean something for a type (null tokens always do). */
export function formatKeysFor(dataType: DataType): FormatKey[] {
  switch (typeName(dataType)) {
    case 'integer':
    case 'long':
    case 'double':
    case 'decimal':
      return ['nullTokens', ...NUMBER_KEYS];
    case 'money':
      return ['nullTokens', ...NUMBER_KEYS, 'currencyTokens'];
    case 'boolean':
      return ['nullTokens', 'trueTokens', 'falseTokens'];
    case 'date':
      return ['nullTokens', 'dateFormat'];
    case 'timestamp':
      return ['nullTokens', 'timestampFormat'];
    default:
      return ['nullTokens'];
  }
}

export function draftFrom(columns: readonly { name: string; dataType: DataType; nullable?: boolean; format?: ColumnFormat; description?: string }[]): DraftColumn[] {
  return columns.map((c) => ({ name: c.name, dataType: c.dataType, nullable: c.nullable ?? true, format: c.format ?? {}, description: c.description ?? '' }));
}

const sameType = (a: DataType, b: DataType) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A column given another type. Back to the proposed type, it gets the proposed format back; otherwise the
 * format keeps only the fields the new type reads (a currency token means nothing to a string).
 */
export function withType(column: DraftColumn, dataType: DataType, proposed: DraftColumn | undefined): DraftColumn {
  if (proposed && sameType(proposed.dataType, dataType)) return { ...column, dataType, format: proposed.format };
  const keep = new Set(formatKeysFor(dataType));
  const format = Object.fromEntries(Object.entries(column.format).filter(([k]) => keep.has(k as FormatKey))) as ColumnFormat;
  return { ...column, dataType, format };
}

/**
 * The user settled an ambiguous day/month order by picking one of inference's patterns (`dd/MM/yyyy`): the
 * column becomes a date (or a timestamp when the pattern has a time) read with that pattern in strptime form.
 * Null when strptime cannot express the pattern.
 */
export function withDatePattern(column: DraftColumn, pattern: string): DraftColumn | null {
  const strptime = toStrptime(pattern);
  if (strptime === null) return null;
  const timestamp = /[Hhms]/.test(pattern.replace(/'[^']*'/g, ''));
  const { dateFormat: _d, timestampFormat: _t, ...rest } = column.format;
  return timestamp
    ? { ...column, dataType: 'timestamp', format: { ...rest, timestampFormat: strptime } }
    : { ...column, dataType: 'date', format: { ...rest, dateFormat: strptime } };
}

export function isOverridden(column: DraftColumn, proposed: DraftColumn | undefined): boolean {
  if (!proposed) return false;
  return !sameType(column.dataType, proposed.dataType) || column.nullable !== proposed.nullable || JSON.stringify(column.format) !== JSON.stringify(proposed.format);
}

/** The format in a few words for the table: `%d/%m/%Y`, `₩ , thousands`, `예 / 아니오`. */
export function describeFormat(format: ColumnFormat): string {
  const parts: string[] = [];
  if (format.dateFormat) parts.push(format.dateFormat);
  if (format.timestampFormat) parts.push(format.timestampFormat);
  if (format.currencyTokens?.length) parts.push(format.currencyTokens.join(' '));
  if (format.decimalSeparator) parts.push(`decimal ${format.decimalSeparator}`);
  if (format.thousandsSeparator !== undefined) parts.push(format.thousandsSeparator === '' ? 'no grouping' : `thousands ${format.thousandsSeparator === ' ' ? 'space' : format.thousandsSeparator}`);
  if (format.trueTokens?.length || format.falseTokens?.length) parts.push(`${(format.trueTokens ?? []).join('/')} | ${(format.falseTokens ?? []).join('/')}`);
  if (format.nullTokens?.length) parts.push(`null: ${format.nullTokens.join(', ')}`);
  return parts.join(' · ');
}

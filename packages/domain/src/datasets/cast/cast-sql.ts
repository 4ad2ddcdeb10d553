import type { DataType } from '../../ontology/model/data-type';
import type { ColumnFormat, DatasetColumn } from '../dataset/dataset-schema';

/**
 * The SQL that casts a column of text (the reader's output) to its committed type. Generated only from a
 * validated DatasetColumn: names become quoted identifiers, tokens and formats quoted literals — no user text
 * is ever pasted into SQL as code. Every conversion is a TRY_ form, so one bad value never aborts the query: it
 * reads as null, and a present text whose typed value is null is what the report lists.
 */
export interface ColumnCast {
  readonly column: string;
  /** The engine type of the typed column. */
  readonly sqlType: string;
  /** The typed value (NULL for a missing value). */
  readonly value: string;
  /** True when the text holds a value (not missing, empty or a null token). */
  readonly present: string;
  /** How the report describes what was expected: `a decimal(10,2) (decimal separator ",")`. */
  readonly expected: string;
  /** False when every present text converts (plain text), so the engine need not look for bad values. */
  readonly canFail: boolean;
}

export const sqlIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const sqlLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;
const sqlList = (items: readonly string[]) => `(${items.map(sqlLiteral).join(', ')})`;

export const DEFAULT_TRUE_TOKENS = ['true', 'yes', 'y', '1', 't', '예', '네'];
export const DEFAULT_FALSE_TOKENS = ['false', 'no', 'n', '0', 'f', '아니오', '아니요'];
const EMAIL = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';
const URL_PATTERN = '^(?i)(https?|ftp)://[^\\s/$.?#][^\\s]*$';
const PHONE = '^\\+?[0-9][0-9 ()./-]{4,22}[0-9]$';
const LAT_LON = '^\\s*(-?[0-9]+(\\.[0-9]+)?)\\s*[,;]\\s*(-?[0-9]+(\\.[0-9]+)?)\\s*$';
const WKT_POINT = '^(?i)\\s*POINT\\s*\\(\\s*(-?[0-9]+(\\.[0-9]+)?)\\s+(-?[0-9]+(\\.[0-9]+)?)\\s*\\)\\s*$';

/** `table`: the alias the text column is read through (`t` gives `t."name"`), when the query joins two tables. */
export function columnCast(column: DatasetColumn, table?: string): ColumnCast {
  const raw = (table ? `${table}.` : '') + sqlIdentifier(column.name);
  const text = `trim(${raw})`;
  const nullTokens = (column.format.nullTokens ?? []).map((t) => t.toLowerCase());
  // One comparison, never null (coalesce): DuckDB ran the three-part form (IS NOT NULL AND <> '' AND NOT IN) about
  // three times slower, and casting was most of a 1 GiB ingest.
  const present = nullTokens.length
    ? `coalesce(lower(${text}) NOT IN ${sqlList(['', ...nullTokens])}, false)`
    : `coalesce(${text} <> '', false)`;
  const conversion = convert(column.dataType, raw, text, column.format);
  const typed = (c: Conversion) => (c.check ? `CASE WHEN ${c.check} THEN ${c.value} END` : c.value);
  // A value that fails its semantic check (an email without @) is null here, so the typed column alone tells
  // which present values did not read.
  const guarded = conversion.check ? `CASE WHEN ${present} AND (${conversion.check}) THEN ${conversion.value} END` : `CASE WHEN ${present} THEN ${conversion.value} END`;
  return {
    column: column.name,
    sqlType: conversion.sqlType,
    value:
      column.dataType === 'string' ? guarded : `CASE WHEN ${tokensRead(column, nullTokens, typed)} THEN ${guarded} ELSE ${unguarded(column, raw, conversion, typed)} END`,
    present,
    expected: conversion.expected,
    canFail: conversion.check !== undefined || column.dataType !== 'string',
  };
}

/**
 * True (a constant the engine folds before it reads a row) when an empty text or a null token, in any of its
 * spellings, would convert to a value: only then must every value be compared with the tokens first. Otherwise a
 * token reads as null by itself, and that comparison (lower and trim on every value, ~1.5 s of a 1 GiB cast) is
 * skipped.
 */
function tokensRead(column: DatasetColumn, nullTokens: readonly string[], typed: (c: Conversion) => string): string {
  const spellings = new Set(['', ...(column.format.nullTokens ?? []), ...nullTokens, ...nullTokens.map((t) => t.toUpperCase())]);
  return [...spellings].map((token) => `(${typed(convert(column.dataType, sqlLiteral(token), sqlLiteral(token), column.format))}) IS NOT NULL`).join(' OR ');
}

/**
 * The conversion when tokens read as null by themselves. Checked types test the trimmed text; the others convert
 * the text as it is first (the engine's casts allow spaces around a value) and trim only what did not convert.
 */
function unguarded(column: DatasetColumn, raw: string, conversion: Conversion, typed: (c: Conversion) => string): string {
  if (conversion.check) return typed(conversion);
  return `coalesce(${convert(column.dataType, raw, raw, column.format).value}, ${conversion.value})`;
}

interface Conversion {
  readonly sqlType: string;
  readonly value: string;
  readonly check?: string;
  readonly expected: string;
}

function convert(type: DataType, raw: string, text: string, format: ColumnFormat): Conversion {
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        return { sqlType: 'VARCHAR', value: raw, expected: 'text' };
      case 'integer':
        return numeric('INTEGER', 'an integer', text, format);
      case 'long':
        return numeric('BIGINT', 'a long integer', text, format);
      case 'double':
        return numeric('DOUBLE', 'a number', text, format);
      case 'boolean': {
        const yes = (format.trueTokens ?? DEFAULT_TRUE_TOKENS).map((t) => t.toLowerCase());
        const no = (format.falseTokens ?? DEFAULT_FALSE_TOKENS).map((t) => t.toLowerCase());
        return {
          sqlType: 'BOOLEAN',
          value: `(CASE WHEN lower(${text}) IN ${sqlList(yes)} THEN true WHEN lower(${text}) IN ${sqlList(no)} THEN false END)`,
          expected: `a boolean (${[...yes, ...no].join('/')})`,
        };
      }
      case 'date':
        return format.dateFormat
          ? { sqlType: 'DATE', value: `CAST(try_strptime(${text}, ${sqlLiteral(format.dateFormat)}) AS DATE)`, expected: `a date (${format.dateFormat})` }
          : { sqlType: 'DATE', value: `TRY_CAST(${text} AS DATE)`, expected: 'a date (YYYY-MM-DD)' };
      case 'timestamp':
        return format.timestampFormat
          ? {
              sqlType: 'TIMESTAMP',
              // try_strptime gives TIMESTAMPTZ for a %z pattern; as TIMESTAMP that is the UTC instant.
              value: `CAST(try_strptime(${text}, ${sqlLiteral(format.timestampFormat)}) AS TIMESTAMP)`,
              expected: `a timestamp (${format.timestampFormat})`,
            }
          : { sqlType: 'TIMESTAMP', value: `CAST(TRY_CAST(${text} AS TIMESTAMPTZ) AS TIMESTAMP)`, expected: 'a timestamp (ISO 8601)' };
      case 'email':
        return { sqlType: 'VARCHAR', value: text, check: `regexp_full_match(${text}, ${sqlLiteral(EMAIL)})`, expected: 'an email address' };
      case 'url':
        return { sqlType: 'VARCHAR', value: text, check: `regexp_full_match(${text}, ${sqlLiteral(URL_PATTERN)})`, expected: 'a URL (http, https or ftp)' };
      case 'phone':
        return { sqlType: 'VARCHAR', value: text, check: `regexp_full_match(${text}, ${sqlLiteral(PHONE)})`, expected: 'a phone number' };
      case 'geopoint':
        return geopoint(text);
    }
  }
  switch (type.type) {
    case 'decimal':
      return numeric(`DECIMAL(${type.precision},${type.scale})`, `a decimal(${type.precision},${type.scale})`, text, format);
    case 'money': {
      const tokens = format.currencyTokens ?? [];
      const stripped = tokens.reduce((expr, token) => `replace(${expr}, ${sqlLiteral(token)}, '')`, text);
      return numeric('DECIMAL(38,4)', `an amount of ${type.currency}`, `trim(${stripped})`, format);
    }
    case 'enum':
      return { sqlType: 'VARCHAR', value: text, check: `${text} IN ${sqlList(type.values)}`, expected: `one of ${type.values.join(', ')}` };
    case 'array':
    case 'struct':
      return { sqlType: 'VARCHAR', value: text, check: `json_valid(${text})`, expected: `JSON (${type.type})` };
  }
}

/** Numbers with the format's separators: thousands separators are dropped, the decimal separator becomes `.`. */
function numeric(sqlType: string, what: string, text: string, format: ColumnFormat): Conversion {
  const thousands = format.thousandsSeparator;
  const decimal = format.decimalSeparator ?? '.';
  let normalised = thousands ? `replace(${text}, ${sqlLiteral(thousands)}, '')` : text;
  if (decimal === ',') normalised = `replace(${normalised}, ',', '.')`;
  const separators = [decimal !== '.' ? `decimal separator "${decimal}"` : null, thousands ? `thousands separator "${thousands}"` : null].filter(Boolean);
  return { sqlType, value: `TRY_CAST(${normalised} AS ${sqlType})`, expected: separators.length ? `${what} (${separators.join(', ')})` : what };
}

/** "lat,lon" or WKT "POINT(lon lat)", normalised to "lat,lon" and checked for range. */
function geopoint(text: string): Conversion {
  const lat = `COALESCE(TRY_CAST(regexp_extract(${text}, ${sqlLiteral(LAT_LON)}, 1) AS DOUBLE), TRY_CAST(regexp_extract(${text}, ${sqlLiteral(WKT_POINT)}, 3) AS DOUBLE))`;
  const lon = `COALESCE(TRY_CAST(regexp_extract(${text}, ${sqlLiteral(LAT_LON)}, 3) AS DOUBLE), TRY_CAST(regexp_extract(${text}, ${sqlLiteral(WKT_POINT)}, 1) AS DOUBLE))`;
  return {
    sqlType: 'VARCHAR',
    value: `(CASE WHEN ${lat} BETWEEN -90 AND 90 AND ${lon} BETWEEN -180 AND 180 THEN CAST(${lat} AS VARCHAR) || ',' || CAST(${lon} AS VARCHAR) END)`,
    expected: 'a point as "latitude,longitude" or POINT(longitude latitude)',
  };
}

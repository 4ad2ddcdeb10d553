import { z } from 'zod';
import { ZDataType } from '../../ontology/model/data-type';

const token = z.string().max(40, 'a token must be at most 40 characters');

/**
 * How a column's text is read when it is cast to its type: what inference found (or the user chose). Every
 * field is optional; the type's default reading applies to what is left out (ISO dates, `.` decimals …).
 */
export const ZColumnFormat = z
  .object({
    /** Texts that mean "no value" besides the empty cell, e.g. NULL, N/A, -. */
    nullTokens: z.array(token).max(20).optional(),
    /** strptime patterns (DuckDB/Python): %Y-%m-%d, %d/%m/%Y, %Y년 %m월 %d일 … */
    dateFormat: z.string().max(60).regex(/^[^'\\]*$/, 'must not contain quotes or backslashes').optional(),
    timestampFormat: z.string().max(60).regex(/^[^'\\]*$/, 'must not contain quotes or backslashes').optional(),
    decimalSeparator: z.enum(['.', ',']).optional(),
    thousandsSeparator: z.enum([',', '.', ' ', "'", '']).optional(),
    trueTokens: z.array(token).max(10).optional(),
    falseTokens: z.array(token).max(10).optional(),
    /** Money: the symbols or codes around the amount that are not part of the number (₩, $, 원, EUR). */
    currencyTokens: z.array(token).max(10).optional(),
  })
  .strict();
export type ColumnFormat = z.infer<typeof ZColumnFormat>;

/**
 * A committed version's columns. Types are the ontology's data types, so objectify maps columns to properties
 * without a translation table. `format` is how the column's text was parsed when it was committed (a date
 * pattern, a decimal separator …): kept so a later reader knows what the raw file meant.
 */
export const ZDatasetColumn = z
  .object({
    name: z.string().min(1, 'a column needs a name').max(300, 'must be at most 300 characters'),
    dataType: ZDataType,
    nullable: z.boolean().default(true),
    format: ZColumnFormat.default({}),
    description: z.string().max(2000).default(''),
  })
  .strict();
export type DatasetColumn = z.infer<typeof ZDatasetColumn>;
export type DatasetColumnInput = z.input<typeof ZDatasetColumn>;

export const ZDatasetSchema = z
  .array(ZDatasetColumn)
  .min(1, 'a dataset version needs at least one column')
  .max(2000, 'at most 2,000 columns')
  .superRefine((columns, ctx) => {
    const seen = new Map<string, number>();
    columns.forEach((c, i) => {
      const key = c.name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined)
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `column "${c.name}" appears twice (also column ${first + 1}); names are compared ignoring case` });
      else seen.set(key, i);
    });
  });

/** Per-column statistics computed when a version is committed; the profile shows them without reading the data. */
export const ZColumnStats = z
  .object({
    name: z.string(),
    nullCount: z.number().int().nonnegative(),
    distinctCount: z.number().int().nonnegative(),
    /** Text forms (ISO for dates, plain decimals for numbers), so one shape fits every type. */
    min: z.string().nullable(),
    max: z.string().nullable(),
    /** Numeric and temporal columns: equal-width bins over [min, max]. */
    histogram: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int().nonnegative() }).strict()).default([]),
    /** Text-like columns: the most frequent values. */
    topValues: z.array(z.object({ value: z.string(), count: z.number().int().nonnegative() }).strict()).default([]),
  })
  .strict();
export type ColumnStats = z.infer<typeof ZColumnStats>;

import { z } from 'zod';

/** Types without parameters are written as a bare name; parameterised ones as an object with `type`. */
export const SIMPLE_DATA_TYPES = [
  'string',
  'integer',
  'long',
  'double',
  'boolean',
  'date',
  'timestamp',
  'geopoint',
  'email',
  'phone',
  'url',
] as const;
export type SimpleDataType = (typeof SIMPLE_DATA_TYPES)[number];

export const PARAMETERISED_DATA_TYPES = ['decimal', 'array', 'struct', 'money', 'enum'] as const;

export type DataType =
  | SimpleDataType
  | { readonly type: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly type: 'array'; readonly elementType: DataType }
  | { readonly type: 'struct'; readonly fields: readonly StructField[] }
  | { readonly type: 'money'; readonly currency: string }
  | { readonly type: 'enum'; readonly values: readonly string[] };

export interface StructField {
  readonly name: string;
  readonly dataType: DataType;
}

const KNOWN = [...SIMPLE_DATA_TYPES, ...PARAMETERISED_DATA_TYPES].join(', ');

/** `decimal` on its own (the form the first version stored) means the widest decimal. */
const DEFAULT_DECIMAL: Extract<DataType, { type: 'decimal' }> = { type: 'decimal', precision: 38, scale: 18 };

const ZSimpleDataType = z.enum(SIMPLE_DATA_TYPES);

/**
 * A union whose options all fail reports only "Invalid input": say what was wrong instead, with the path inside
 * the type when the problem is nested (an array's element type, a struct field's type).
 */
function unionError(issue: { code?: string; input?: unknown; errors?: readonly (readonly { path: PropertyKey[]; message: string }[])[] }): string | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const input = issue.input;
  if (typeof input === 'string')
    return (PARAMETERISED_DATA_TYPES as readonly string[]).includes(input)
      ? `data type "${input}" needs parameters: write it as an object with type "${input}"`
      : `unknown data type "${input}"; expected one of ${KNOWN}`;
  const nested = typeof input === 'object' && input !== null && !Array.isArray(input) ? issue.errors?.at(-1)?.[0] : undefined;
  // An unknown `type` is reported at `type`, which the message already names.
  const where = nested?.path.map(String).join('.');
  if (nested) return where && where !== 'type' ? `${where}: ${nested.message}` : nested.message;
  return `must be a data type name such as "string" or an object such as {"type": "decimal", "precision": 10, "scale": 2}`;
}

const ZDecimalType = z
  .object({
    type: z.literal('decimal'),
    precision: z.number().int().min(1, 'precision must be 1 to 38').max(38, 'precision must be 1 to 38'),
    scale: z.number().int().min(0, 'scale must not be negative'),
  })
  .strict()
  .refine((d) => d.scale <= d.precision, { message: 'scale must not exceed precision', path: ['scale'] });

export const ZDataType: z.ZodType<DataType> = z.lazy(() =>
  z.union([
    // Piped into the object it becomes, so schemas of outputs (OpenAPI) can say what it is after parsing.
    z.literal('decimal').transform(() => DEFAULT_DECIMAL).pipe(ZDecimalType),
    ZSimpleDataType,
    z.discriminatedUnion(
      'type',
      [
        ZDecimalType,
        z.object({ type: z.literal('array'), elementType: ZDataType }).strict(),
        z
          .object({
            type: z.literal('struct'),
            fields: z
              .array(z.object({ name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, 'letters, digits and _'), dataType: ZDataType }).strict())
              .min(1, 'a struct needs at least one field')
              .max(200)
              .refine((fs) => new Set(fs.map((f) => f.name.toLowerCase())).size === fs.length, 'struct field names must be unique'),
          })
          .strict(),
        z.object({ type: z.literal('money'), currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD or KRW') }).strict(),
        z
          .object({
            type: z.literal('enum'),
            values: z
              .array(z.string().min(1, 'enum values must not be empty').max(200))
              .min(1, 'an enum needs at least one value')
              .max(1000)
              .refine((vs) => new Set(vs).size === vs.length, 'enum values must be unique'),
          })
          .strict(),
      ],
      {
        error: (issue) =>
          issue.code === 'invalid_union' ? `unknown data type "${String((issue.input as { type?: unknown }).type)}"; expected one of ${KNOWN}` : undefined,
      },
    ),
  ], { error: unionError }),
).meta({ id: 'DataType' }) as z.ZodType<DataType>;

/** Only these can identify an object: they compare exactly and index well. */
export const PRIMARY_KEY_TYPES: readonly SimpleDataType[] = ['string', 'integer', 'long'];

export const dataTypeName = (t: DataType): string => (typeof t === 'string' ? t : t.type);

export function describeDataType(t: DataType): string {
  if (typeof t === 'string') return t;
  switch (t.type) {
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'array':
      return `array<${describeDataType(t.elementType)}>`;
    case 'struct':
      return `struct{${t.fields.map((f) => `${f.name}: ${describeDataType(f.dataType)}`).join(', ')}}`;
    case 'money':
      return `money(${t.currency})`;
    case 'enum':
      return `enum(${t.values.join(', ')})`;
  }
}

/** The type with its article, for sentences: "an integer", "a decimal(10,2)". */
export const aDataType = (t: DataType): string => {
  const text = describeDataType(t);
  return /^[aeio]/.test(text) ? `an ${text}` : `a ${text}`;
};

export const sameDataType = (a: DataType, b: DataType): boolean => describeDataType(a) === describeDataType(b);

export const isPrimaryKeyType = (t: DataType): boolean => typeof t === 'string' && PRIMARY_KEY_TYPES.includes(t);

export const NUMERIC_TYPES = new Set(['integer', 'long', 'double', 'decimal', 'money']);
export const TEXT_TYPES = new Set(['string', 'email', 'phone', 'url']);
export const TEMPORAL_TYPES = new Set(['date', 'timestamp']);

/** Integer digits each integral type needs to hold any of its values. */
const INTEGRAL_DIGITS: Record<string, number> = { integer: 10, long: 19 };

/**
 * True when every value of `from` is also a value of `to`, so existing data stays valid after the change.
 * Anything else narrows the type and is a breaking change.
 */
export function isWidening(from: DataType, to: DataType): boolean {
  if (sameDataType(from, to)) return true;
  const f = dataTypeName(from);
  const t = dataTypeName(to);
  if (t === 'string') return typeof from === 'string' ? from !== 'geopoint' : from.type === 'enum';
  if (f === 'integer' && (t === 'long' || t === 'double')) return true;
  if ((f === 'integer' || f === 'long') && typeof to !== 'string' && to.type === 'decimal')
    return to.precision - to.scale >= (INTEGRAL_DIGITS[f] ?? Infinity);
  if (typeof from !== 'string' && typeof to !== 'string') {
    if (from.type === 'decimal' && to.type === 'decimal')
      return to.scale >= from.scale && to.precision - to.scale >= from.precision - from.scale;
    if (from.type === 'enum' && to.type === 'enum') return from.values.every((v) => to.values.includes(v));
    if (from.type === 'array' && to.type === 'array') return isWidening(from.elementType, to.elementType);
    if (from.type === 'struct' && to.type === 'struct')
      return from.fields.every((ff) => {
        const tf = to.fields.find((x) => x.name === ff.name);
        return tf !== undefined && isWidening(ff.dataType, tf.dataType);
      });
  }
  if (f === 'date' && t === 'timestamp') return true;
  return false;
}

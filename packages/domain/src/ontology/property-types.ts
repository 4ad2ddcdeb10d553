import { z } from 'zod';

/** Base data types a property can hold. Issue-level extensions (arrays, structs, semantic types) go here. */
export const PROPERTY_DATA_TYPES = ['string', 'integer', 'long', 'double', 'decimal', 'boolean', 'date', 'timestamp'] as const;
export type PropertyDataType = (typeof PROPERTY_DATA_TYPES)[number];

/** Only these types can identify an object. */
export const PRIMARY_KEY_TYPES: readonly PropertyDataType[] = ['string', 'integer', 'long'];

export const ZPropertyDataType = z.enum(PROPERTY_DATA_TYPES, {
  error: (issue) => `unknown property type "${String(issue.input)}"; expected one of ${PROPERTY_DATA_TYPES.join(', ')}`,
});

import { z } from 'zod';
import { ZDataType } from '../../ontology/model/data-type';
import type { ParseFormat, ParseSpec } from './inference.types';

const ZDecimalSeparator = z.enum(['.', ',']);
const ZThousandsSeparator = z.enum([',', '.', ' ']).nullable();

/** A format as the user confirms or overrides it in the schema review. */
export const ZParseFormat: z.ZodType<ParseFormat> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text') }).strict(),
  z
    .object({
      kind: z.literal('number'),
      decimalSeparator: ZDecimalSeparator,
      thousandsSeparator: ZThousandsSeparator,
    })
    .strict(),
  z
    .object({
      kind: z.literal('boolean'),
      trueTokens: z.array(z.string().min(1).max(20)).min(1).max(20),
      falseTokens: z.array(z.string().min(1).max(20)).min(1).max(20),
    })
    .strict()
    .refine(
      (f) => !f.trueTokens.some((t) => f.falseTokens.some((u) => u.toLowerCase() === t.toLowerCase())),
      {
        message: 'a token cannot mean both true and false',
        path: ['falseTokens'],
      },
    ),
  z
    .object({
      kind: z.literal('temporal'),
      pattern: z.string().min(1).max(100).nullable(),
      choices: z.array(z.string().max(100)).max(10),
    })
    .strict(),
  z
    .object({
      kind: z.literal('money'),
      currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD or KRW'),
      decimalSeparator: ZDecimalSeparator,
      thousandsSeparator: ZThousandsSeparator,
    })
    .strict(),
  z.object({ kind: z.literal('geopoint'), layout: z.enum(['lat,lon', 'POINT(lon lat)']) }).strict(),
]);

export const ZParseSpec: z.ZodType<ParseSpec> = z
  .object({ dataType: ZDataType, format: ZParseFormat, nullTokens: z.array(z.string().max(50)).max(50) })
  .strict();

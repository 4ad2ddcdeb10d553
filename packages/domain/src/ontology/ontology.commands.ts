import { z } from 'zod';
import { ZPropertyDataType } from './property-types';

export const ZPropertyDefinition = z
  .object({
    apiName: z.string(),
    displayName: z.string(),
    dataType: ZPropertyDataType,
    required: z.boolean().default(false),
    description: z.string().default(''),
  })
  .strict();
export type PropertyDefinition = z.infer<typeof ZPropertyDefinition>;

export const ZDefineObjectTypeInput = z
  .object({
    apiName: z.string(),
    displayName: z.string(),
    description: z.string().default(''),
    properties: z.array(ZPropertyDefinition).max(500, 'at most 500 properties').default([]),
    primaryKey: z.string().nullable().default(null),
  })
  .strict();
export type DefineObjectTypeInput = z.infer<typeof ZDefineObjectTypeInput>;

export const ZCreateOntologyInput = z
  .object({
    ontologyId: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2 to 63 characters'),
    displayName: z.string().trim().min(1, 'must not be empty').max(200),
    description: z.string().max(4000).default(''),
  })
  .strict();
export type CreateOntologyInput = z.infer<typeof ZCreateOntologyInput>;

export type OntologyCommand =
  | { readonly type: 'CreateOntology'; readonly data: CreateOntologyInput }
  | { readonly type: 'DefineObjectType'; readonly data: DefineObjectTypeInput & { readonly objectTypeId: string } };

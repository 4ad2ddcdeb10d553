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

const ZObjectTypeId = z.string().min(1, 'must not be empty');

/**
 * The version of the object type the client last saw (the read model's `version`): the ontology stream's
 * sequence number at which that type last changed. Update and delete are refused when it is stale.
 */
export const ZExpectedSeq = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? 'required: the version of the object type you last saw (its `version`)'
        : 'must be a number: the version of the object type you last saw (its `version`)',
  })
  .int('must be a whole number')
  .nonnegative('must not be negative');

/** Absent fields keep their current value; apiName can't change (it is how data and code refer to the type). */
export const ZUpdateObjectTypeInput = z
  .object({
    objectTypeId: ZObjectTypeId,
    expectedSeq: ZExpectedSeq,
    displayName: z.string().optional(),
    description: z.string().optional(),
    properties: z.array(ZPropertyDefinition).max(500, 'at most 500 properties').optional(),
    primaryKey: z.string().nullable().optional(),
  })
  .strict();
export type UpdateObjectTypeInput = z.infer<typeof ZUpdateObjectTypeInput>;

export const ZDeleteObjectTypeInput = z.object({ objectTypeId: ZObjectTypeId, expectedSeq: ZExpectedSeq }).strict();
export type DeleteObjectTypeInput = z.infer<typeof ZDeleteObjectTypeInput>;

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
  | { readonly type: 'DefineObjectType'; readonly data: DefineObjectTypeInput & { readonly objectTypeId: string } }
  | { readonly type: 'UpdateObjectType'; readonly data: UpdateObjectTypeInput }
  | { readonly type: 'DeleteObjectType'; readonly data: DeleteObjectTypeInput };

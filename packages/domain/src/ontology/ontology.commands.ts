import { z } from 'zod';
import { DEFINITION_SCHEMAS, ENTITY_KINDS, ZObjectTypeDefinition, type AnyDefinition, type EntityKind, type ObjectTypeDefinition } from './model/definitions';
import type { ChangeOrigin } from './model/entity-events';
import type { MergeResolution } from './branches/three-way-merge';
import type { EntitySnapshot } from './ontology.events';
import type { OntologyState } from './ontology.state';

/**
 * The version of the entity the client last saw (its `version`): the stream's sequence number at which that
 * entity last changed. Update and delete are refused when it is stale.
 */
export const ZExpectedSeq = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? 'required: the version of the entity you last saw (its `version`)'
        : 'must be a number: the version of the entity you last saw (its `version`)',
  })
  .int('must be a whole number')
  .nonnegative('must not be negative');

export const ZEntityKind = z.enum(ENTITY_KINDS, { error: () => `must be one of ${ENTITY_KINDS.join(', ')}` });

export const ZCreateOntologyInput = z
  .object({
    ontologyId: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2 to 63 characters'),
    displayName: z.string().trim().min(1, 'must not be empty').max(200),
    description: z.string().max(4000).default(''),
  })
  .strict();
export type CreateOntologyInput = z.infer<typeof ZCreateOntologyInput>;

export const ZBranchName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'lower-case letters, digits, dots, dashes and underscores, at most 63 characters')
  .refine((b) => b !== 'main', '"main" is the default branch and already exists');

/**
 * One entity change of a command. An update gives the fields it changes (`patch`); the decider lays them over
 * the entity as it is when the command is decided, so a retry after a concurrent append re-applies the edit.
 */
export type PlannedChange =
  | { readonly op: 'define'; readonly kind: EntityKind; readonly id: string; readonly definition: AnyDefinition }
  | { readonly op: 'update'; readonly kind: EntityKind; readonly id: string; readonly expectedSeq: number | null; readonly patch: Readonly<Record<string, unknown>> }
  | { readonly op: 'delete'; readonly kind: EntityKind; readonly id: string; readonly expectedSeq: number | null };

export interface ApplyChanges {
  readonly type: 'ApplyChanges';
  readonly data: {
    readonly changes: readonly PlannedChange[];
    /** The editor saw and accepted these consequences (see breakingChanges). */
    readonly acknowledgeBreakingChanges: boolean;
    readonly origin: ChangeOrigin;
    /** For a merge: the branch head merged, recorded after the changes. */
    readonly merge?: { readonly branch: string; readonly branchSeq: number; readonly proposalId: string };
  };
}

export type OntologyCommand =
  | { readonly type: 'CreateOntology'; readonly data: CreateOntologyInput }
  | ApplyChanges
  | {
      readonly type: 'CreateBranch';
      readonly data: { readonly ontologyId: string; readonly branch: string; readonly fromBranch: string; readonly fromSeq: number; readonly entities: readonly EntitySnapshot[] };
    }
  | { readonly type: 'CloseBranch'; readonly data: { readonly reason: 'merged' | 'abandoned'; readonly proposalId: string | null } }
  | MergeBranch
  | { readonly type: 'StartBranch'; readonly data: { readonly branch: string } }
  | { readonly type: 'AbandonBranch'; readonly data: { readonly branch: string } };

/** Merges a branch into the ontology this command is decided on (main); the merge is planned against main as it is then. */
export interface MergeBranch {
  readonly type: 'MergeBranch';
  readonly data: {
    readonly proposalId: string;
    readonly branch: string;
    /** The branch as it started (from its BranchCreated) and as it is now. */
    readonly base: OntologyState;
    readonly head: OntologyState;
    readonly resolutions: readonly MergeResolution[];
  };
}

/**
 * What an update may change: any field of the definition, each optional and without its default, so a field the
 * client leaves out keeps its current value instead of being reset.
 */
export function patchSchema<S extends z.ZodObject>(definition: S) {
  const shape = Object.fromEntries(
    Object.entries(definition.shape).map(([field, schema]) => [field, ((schema instanceof z.ZodDefault ? schema.unwrap() : schema) as z.ZodType).optional()]),
  );
  return z.object(shape).strict();
}

export const ENTITY_PATCH_SCHEMAS = Object.fromEntries(ENTITY_KINDS.map((k) => [k, patchSchema(DEFINITION_SCHEMAS[k])])) as Record<EntityKind, z.ZodObject>;

export const ZDefineObjectTypeInput = ZObjectTypeDefinition;
export type DefineObjectTypeInput = z.input<typeof ZDefineObjectTypeInput>;

const ZEntityId = z.string().min(1, 'must not be empty');

/** Flat, as the workbench sends it: the object type, the version seen, confirmation, and the fields that change. */
/** The update's fields as a zod object, for transports that add their own fields (ontologyId, commandId) beside them. */
export const ZUpdateObjectTypeFields = patchSchema(ZObjectTypeDefinition).extend({
  objectTypeId: ZEntityId,
  expectedSeq: ZExpectedSeq,
  acknowledgeBreakingChanges: z.boolean().default(false),
});

export const ZUpdateObjectTypeInput = ZUpdateObjectTypeFields as unknown as z.ZodType<
  { objectTypeId: string; expectedSeq: number; acknowledgeBreakingChanges: boolean } & Partial<ObjectTypeDefinition>,
  unknown
>;
export type UpdateObjectTypeInput = z.infer<typeof ZUpdateObjectTypeInput>;

export const ZDeleteObjectTypeInput = z.object({ objectTypeId: ZEntityId, expectedSeq: ZExpectedSeq }).strict();
export type DeleteObjectTypeInput = z.infer<typeof ZDeleteObjectTypeInput>;

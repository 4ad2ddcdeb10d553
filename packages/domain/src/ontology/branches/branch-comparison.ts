import { z } from 'zod';
import { DEFINITION_SCHEMAS, ENTITY_KINDS, type EntityKind } from '../model/definitions';
import type { FieldChange } from './definition-diff';
import type { EntityDiff } from './ontology-diff';
import type { MergeConflict } from './three-way-merge';

/** A branch against main since the branch was made: what `model.branches.compare` answers. */
export interface BranchComparison {
  /** What the branch changed since it was made. */
  readonly changes: readonly EntityDiff[];
  /** What main changed since the branch was made. */
  readonly mainChanges: readonly EntityDiff[];
  /** Where both changed the same thing differently: settled by choosing a side when merging. */
  readonly conflicts: readonly MergeConflict[];
}

export const ZFieldChange: z.ZodType<FieldChange> = z.object({
  path: z.string(),
  change: z.enum(['added', 'removed', 'changed', 'reordered']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

const entityDiff = <K extends EntityKind>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    id: z.string(),
    apiName: z.string(),
    change: z.enum(['added', 'removed', 'changed']),
    before: DEFINITION_SCHEMAS[kind].nullable(),
    after: DEFINITION_SCHEMAS[kind].nullable(),
    fields: z.array(ZFieldChange),
  });

/** One entity's difference, its definitions typed by its kind. */
export const ZEntityDiff: z.ZodType<EntityDiff> = z.discriminatedUnion('kind', [
  entityDiff('objectType'),
  entityDiff('linkType'),
  entityDiff('interface'),
  entityDiff('sharedPropertyType'),
  entityDiff('valueType'),
]);

export const ZMergeConflict: z.ZodType<MergeConflict> = z.object({
  kind: z.enum(ENTITY_KINDS),
  id: z.string(),
  apiName: z.string(),
  path: z.string(),
  base: z.unknown(),
  branch: z.unknown(),
  main: z.unknown(),
});

export const ZBranchComparison: z.ZodType<BranchComparison> = z.object({
  changes: z.array(ZEntityDiff),
  mainChanges: z.array(ZEntityDiff),
  conflicts: z.array(ZMergeConflict),
});

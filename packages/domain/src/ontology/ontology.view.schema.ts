import { z } from 'zod';
import { DEFINITION_SCHEMAS, ENTITY_KINDS, type EntityKind } from './model/definitions';
import type { EntityName, ObjectTypePageView } from './object-type-page.view';
import type { BranchHeaderView, EntityView, OntologyView } from './ontology.view';
import type { EntityReference } from './rules/references';

/**
 * The read views as zod schemas, built from the definitions' schemas: what the API's outputs are validated
 * against and documented with (OpenAPI). Each is typed as the view it describes, so a drift between the two is
 * a type error here rather than a surprise in a client.
 */

const ZEntityKind = z.enum(ENTITY_KINDS);

const entityView = <K extends EntityKind>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    id: z.string(),
    /** The stream sequence number of its last change: send it back as `expectedSeq`. */
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    changedBy: z.string(),
    changedAt: z.string(),
    definition: DEFINITION_SCHEMAS[kind],
  });

export const ZEntityViews: { readonly [K in EntityKind]: z.ZodType<EntityView<K>> } = {
  objectType: entityView('objectType'),
  linkType: entityView('linkType'),
  interface: entityView('interface'),
  sharedPropertyType: entityView('sharedPropertyType'),
  valueType: entityView('valueType'),
};

export const ZBranchInfo = z.object({
  name: z.string(),
  fromSeq: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  status: z.enum(['open', 'merged', 'abandoned']),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
});

/** A rule's complaint about one entity, at a path within its definition. */
export const ZEntityIssue = z.object({
  kind: ZEntityKind,
  id: z.string(),
  apiName: z.string(),
  path: z.string(),
  message: z.string(),
  rule: z.string().optional(),
});

const branchHeaderShape = {
  ontologyId: z.string(),
  displayName: z.string(),
  description: z.string(),
  branch: z.string(),
  base: z.object({ fromBranch: z.string(), fromSeq: z.number().int() }).nullable(),
  closed: z.boolean(),
  /** The branch's stream position: what `model.watch` pushes when it moves. */
  seq: z.number().int(),
  /** Main's branches, open and closed. */
  branches: z.array(ZBranchInfo),
};

export const ZBranchHeaderView: z.ZodType<BranchHeaderView> = z.object(branchHeaderShape);

export const ZOntologyView: z.ZodType<OntologyView> = z.object({
  ...branchHeaderShape,
  entities: z.object({
    objectType: z.array(ZEntityViews.objectType),
    linkType: z.array(ZEntityViews.linkType),
    interface: z.array(ZEntityViews.interface),
    sharedPropertyType: z.array(ZEntityViews.sharedPropertyType),
    valueType: z.array(ZEntityViews.valueType),
  }),
  issues: z.array(ZEntityIssue),
});

const ZEntityName: z.ZodType<EntityName> = z.object({ id: z.string(), apiName: z.string(), displayName: z.string() });

const ZEntityReference: z.ZodType<EntityReference> = z.object({ kind: ZEntityKind, id: z.string(), apiName: z.string(), via: z.string() });

export const ZObjectTypePageView: z.ZodType<ObjectTypePageView> = z.object({
  ontologyId: z.string(),
  branch: z.string(),
  closed: z.boolean(),
  seq: z.number().int(),
  objectType: ZEntityViews.objectType,
  linkTypes: z.array(z.object({ linkType: ZEntityViews.linkType, source: ZEntityName.nullable(), target: ZEntityName.nullable() })),
  interfaces: z.array(ZEntityViews.interface),
  sharedPropertyTypes: z.array(ZEntityViews.sharedPropertyType),
  valueTypes: z.array(ZEntityViews.valueType),
  referencedBy: z.array(ZEntityReference),
  issues: z.array(ZEntityIssue),
  choices: z.object({
    objectTypes: z.array(z.string()),
    interfaces: z.array(ZEntityName),
    sharedPropertyTypes: z.array(ZEntityName),
    valueTypes: z.array(ZEntityName),
  }),
});

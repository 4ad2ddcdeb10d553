import { z } from 'zod';
import { ZConstraints } from './constraints';
import { ZDataType } from './data-type';

/**
 * The ontology's editable definitions, one zod schema per entity kind. They are the command inputs, the event
 * payloads, the export format and what diffs and merges compare, so there is exactly one shape for each.
 * Entities refer to each other by apiName: readable in exports and diffs, and stable because renaming anything
 * referenced is refused.
 */

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** Texts in other languages, keyed by language code (`ko`, `pt-BR`); each entry holds the texts `fields` names. */
const translationsOf = <T extends z.ZodRawShape>(fields: T) =>
  z
    .record(
      z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
      z.object(fields).strict(),
      // A bad key is reported by the record, which would otherwise say only "Invalid key in record".
      { error: (issue) => (issue.code === 'invalid_key' ? 'must be a language code such as ko or pt-BR' : undefined) },
    )
    .default({});

/** Display texts in languages other than English (at least Korean is expected); English lives in the main fields. */
export const ZTranslations = translationsOf({ displayName: text(200).optional(), pluralDisplayName: text(200).optional(), description: text(4000).optional() });

export const ZPropertyDefinition = z
  .object({
    apiName: z.string(),
    displayName: text(200),
    description: text(4000).default(''),
    dataType: ZDataType,
    required: z.boolean().default(false),
    unique: z.boolean().default(false),
    searchable: z.boolean().default(true),
    constraints: ZConstraints.default({}),
    default: z.unknown().optional(),
    /** A shared property type this property reuses: its type and constraints must match. */
    sharedPropertyType: z.string().nullable().default(null),
    /** A value type this property uses: the property's type must be the value type's base type. */
    valueType: z.string().nullable().default(null),
    translations: ZTranslations,
  })
  .strict()
  .meta({ id: 'PropertyDefinition' });
export type PropertyDefinition = z.infer<typeof ZPropertyDefinition>;
export type PropertyDefinitionInput = z.input<typeof ZPropertyDefinition>;

export const OBJECT_TYPE_STATUSES = ['experimental', 'active', 'deprecated'] as const;
export type ObjectTypeStatus = (typeof OBJECT_TYPE_STATUSES)[number];

export const ZDeprecation = z
  .object({
    reason: text(2000).min(1, 'say why it is deprecated'),
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)'),
    replacement: z.string().nullable().default(null),
  })
  .strict();

export const ZBackingDataset = z
  .object({ datasetId: z.string().min(1), branch: z.string().default('main') })
  .strict();

export const ZObjectTypeDefinition = z
  .object({
    apiName: z.string(),
    displayName: text(200),
    pluralDisplayName: text(200).default(''),
    description: text(4000).default(''),
    icon: z.string().max(64).nullable().default(null),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a hex colour such as #3366ff')
      .nullable()
      .default(null),
    status: z.enum(OBJECT_TYPE_STATUSES).default('experimental'),
    deprecation: ZDeprecation.nullable().default(null),
    groups: z.array(z.string().min(1).max(100)).max(50).default([]),
    properties: z.array(ZPropertyDefinition).max(500, 'at most 500 properties').default([]),
    primaryKey: z.string().nullable().default(null),
    titleKey: z.string().nullable().default(null),
    implements: z.array(z.string()).max(50).default([]),
    backingDataset: ZBackingDataset.nullable().default(null),
    translations: ZTranslations,
  })
  .strict()
  .meta({ id: 'ObjectTypeDefinition' });
export type ObjectTypeDefinition = z.infer<typeof ZObjectTypeDefinition>;
export type ObjectTypeDefinitionInput = z.input<typeof ZObjectTypeDefinition>;

export const LINK_CARDINALITIES = ['one-to-one', 'one-to-many', 'many-to-many'] as const;
export type LinkCardinality = (typeof LINK_CARDINALITIES)[number];

/** How one end of a link is named from the other end: `employee.company`, `company.employees`. */
export const ZLinkEnd = z
  .object({
    apiName: z.string(),
    displayName: text(200),
    /** The end's display name in other languages, e.g. `{ ko: { displayName: '직원들' } }`. */
    translations: translationsOf({ displayName: text(200) }),
  })
  .strict();
export type LinkEndDefinition = z.infer<typeof ZLinkEnd>;

/** A link type's own text in other languages is its description: its names are those of its ends. */
export const ZLinkTypeTranslations = translationsOf({ description: text(4000).optional() });

/** Where objectify will find the pairs: a foreign-key property on one side, or a join table. */
export const ZRelationshipSpec = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('foreignKey'),
      /** The property on the object type that holds the other side's primary key. */
      objectType: z.string(),
      property: z.string(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('joinTable'),
      datasetId: z.string().nullable().default(null),
      sourceColumn: z.string().min(1),
      targetColumn: z.string().min(1),
    })
    .strict(),
]);
export type RelationshipSpec = z.infer<typeof ZRelationshipSpec>;

export const ZLinkTypeDefinition = z
  .object({
    apiName: z.string(),
    description: text(4000).default(''),
    sourceObjectType: z.string(),
    targetObjectType: z.string(),
    /** one-to-many: a source object has many targets, a target has at most one source. */
    cardinality: z.enum(LINK_CARDINALITIES),
    /** The link as seen from the source (names the targets). */
    forward: ZLinkEnd,
    /** The link as seen from the target (names the sources). */
    reverse: ZLinkEnd,
    relationship: ZRelationshipSpec.nullable().default(null),
    status: z.enum(OBJECT_TYPE_STATUSES).default('experimental'),
    translations: ZLinkTypeTranslations,
  })
  .strict()
  .meta({ id: 'LinkTypeDefinition' });
export type LinkTypeDefinition = z.infer<typeof ZLinkTypeDefinition>;
export type LinkTypeDefinitionInput = z.input<typeof ZLinkTypeDefinition>;

export const ZInterfaceProperty = z
  .object({ apiName: z.string(), dataType: ZDataType, required: z.boolean().default(true), description: text(4000).default('') })
  .strict();

/** A link every implementer must have: from the implementer, named `apiName`, to the target type or interface. */
export const ZInterfaceLink = z
  .object({
    apiName: z.string(),
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('objectType'), apiName: z.string() }).strict(),
      z.object({ kind: z.literal('interface'), apiName: z.string() }).strict(),
    ]),
    /** How many targets one implementer links to. */
    many: z.boolean(),
    required: z.boolean().default(true),
  })
  .strict();

export const ZInterfaceDefinition = z
  .object({
    apiName: z.string(),
    displayName: text(200),
    description: text(4000).default(''),
    extends: z.array(z.string()).max(20).default([]),
    properties: z.array(ZInterfaceProperty).max(200).default([]),
    links: z.array(ZInterfaceLink).max(100).default([]),
    translations: ZTranslations,
  })
  .strict()
  .meta({ id: 'InterfaceDefinition' });
export type InterfaceDefinition = z.infer<typeof ZInterfaceDefinition>;
export type InterfaceDefinitionInput = z.input<typeof ZInterfaceDefinition>;

export const ZSharedPropertyTypeDefinition = z
  .object({
    apiName: z.string(),
    displayName: text(200),
    description: text(4000).default(''),
    dataType: ZDataType,
    constraints: ZConstraints.default({}),
    translations: ZTranslations,
  })
  .strict()
  .meta({ id: 'SharedPropertyTypeDefinition' });
export type SharedPropertyTypeDefinition = z.infer<typeof ZSharedPropertyTypeDefinition>;

export const ZValueTypeDefinition = z
  .object({
    apiName: z.string(),
    displayName: text(200),
    description: text(4000).default(''),
    baseType: ZDataType,
    constraints: ZConstraints.default({}),
    translations: ZTranslations,
  })
  .strict()
  .meta({ id: 'ValueTypeDefinition' });
export type ValueTypeDefinition = z.infer<typeof ZValueTypeDefinition>;

export const ENTITY_KINDS = ['objectType', 'linkType', 'interface', 'sharedPropertyType', 'valueType'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface DefinitionOf {
  objectType: ObjectTypeDefinition;
  linkType: LinkTypeDefinition;
  interface: InterfaceDefinition;
  sharedPropertyType: SharedPropertyTypeDefinition;
  valueType: ValueTypeDefinition;
}
export type AnyDefinition = DefinitionOf[EntityKind];

export const DEFINITION_SCHEMAS = {
  objectType: ZObjectTypeDefinition,
  linkType: ZLinkTypeDefinition,
  interface: ZInterfaceDefinition,
  sharedPropertyType: ZSharedPropertyTypeDefinition,
  valueType: ZValueTypeDefinition,
} as const;

export const ENTITY_LABEL: Record<EntityKind, string> = {
  objectType: 'object type',
  linkType: 'link type',
  interface: 'interface',
  sharedPropertyType: 'shared property type',
  valueType: 'value type',
};

/** Id prefixes: domain ids are prefixed and typed (ARCHITECTURE.md). */
export const ENTITY_ID_PREFIX: Record<EntityKind, string> = {
  objectType: 'ot_',
  linkType: 'lt_',
  interface: 'if_',
  sharedPropertyType: 'sp_',
  valueType: 'vt_',
};

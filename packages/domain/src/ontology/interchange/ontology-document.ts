import { z } from 'zod';
import {
  ENTITY_KINDS,
  ZInterfaceDefinition,
  ZLinkTypeDefinition,
  ZObjectTypeDefinition,
  ZSharedPropertyTypeDefinition,
  ZValueTypeDefinition,
  type DefinitionOf,
  type EntityKind,
} from '../model/definitions';
import { ZCreateOntologyInput } from '../ontology.commands';
import { liveEntities, type OntologyState } from '../ontology.state';

export const ONTOLOGY_DOCUMENT_SCHEMA = 'https://spice-harvester.dev/schemas/ontology/v2.json';
/** 2: link ends carry their own translated names (`forward.translations.ko.displayName`). */
export const FORMAT_VERSION = 2;
/** Versions an import reads: a version 1 document's link types are upcast as stored events are (upcastLinkType). */
export const READABLE_FORMAT_VERSIONS: readonly number[] = [1, FORMAT_VERSION];

export type InterchangeFormat = 'json' | 'jsonld' | 'turtle';
export const INTERCHANGE_FORMATS: readonly InterchangeFormat[] = ['json', 'jsonld', 'turtle'];

export const ZOntologyHeader = z
  .object({ id: ZCreateOntologyInput.shape.ontologyId, displayName: z.string().max(200), description: z.string().max(4000).default('') })
  .strict();
export type OntologyHeader = z.infer<typeof ZOntologyHeader>;

/** Our own export format: the header and every live entity, each kind sorted by apiName. */
export const ZOntologyDocument = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION),
    ontology: ZOntologyHeader,
    objectTypes: z.array(ZObjectTypeDefinition).default([]),
    linkTypes: z.array(ZLinkTypeDefinition).default([]),
    interfaces: z.array(ZInterfaceDefinition).default([]),
    sharedPropertyTypes: z.array(ZSharedPropertyTypeDefinition).default([]),
    valueTypes: z.array(ZValueTypeDefinition).default([]),
  })
  .strict();
export type OntologyDocument = z.infer<typeof ZOntologyDocument>;

/** The document section each kind lives in. */
export const SECTION_OF = {
  objectType: 'objectTypes',
  linkType: 'linkTypes',
  interface: 'interfaces',
  sharedPropertyType: 'sharedPropertyTypes',
  valueType: 'valueTypes',
} as const satisfies Record<EntityKind, keyof OntologyDocument>;

export type ImportedEntity = { [K in EntityKind]: { readonly kind: K; readonly definition: DefinitionOf[K] } }[EntityKind];

/** What an import yields: every entity valid on its own; the decider checks them together when they are applied. */
export interface ImportedOntology {
  readonly ontology?: OntologyHeader;
  readonly entities: readonly ImportedEntity[];
}

/** Plain code-unit order, so an export is the same on every machine whatever its locale. */
export const byApiName = (a: { apiName: string }, b: { apiName: string }): number => (a.apiName < b.apiName ? -1 : a.apiName > b.apiName ? 1 : 0);

type Translated = { translations: Record<string, unknown> };
const sortedTranslations = <T extends Translated>(d: T): T => ({
  ...d,
  translations: Object.fromEntries(Object.keys(d.translations).sort().map((l) => [l, d.translations[l]])),
});

/** Translations in language order, so that the same definitions always export as the same text. */
function canonical<K extends EntityKind>(kind: K, definition: DefinitionOf[K]): DefinitionOf[K] {
  const d = sortedTranslations(definition);
  if (kind === 'objectType') {
    const objectType = d as DefinitionOf['objectType'];
    return { ...objectType, properties: objectType.properties.map(sortedTranslations) } as DefinitionOf[K];
  }
  if (kind === 'linkType') {
    const linkType = d as DefinitionOf['linkType'];
    return { ...linkType, forward: sortedTranslations(linkType.forward), reverse: sortedTranslations(linkType.reverse) } as DefinitionOf[K];
  }
  return d;
}

export function ontologyDocument(state: OntologyState): OntologyDocument {
  const section = <K extends EntityKind>(kind: K) =>
    liveEntities(state, kind)
      .map((e) => canonical(kind, e.definition))
      .sort(byApiName);
  return {
    $schema: ONTOLOGY_DOCUMENT_SCHEMA,
    formatVersion: FORMAT_VERSION,
    ontology: { id: state.ontologyId ?? '', displayName: state.displayName, description: state.description },
    objectTypes: section('objectType'),
    linkTypes: section('linkType'),
    interfaces: section('interface'),
    sharedPropertyTypes: section('sharedPropertyType'),
    valueTypes: section('valueType'),
  };
}

export function documentEntities(document: OntologyDocument): ImportedEntity[] {
  return ENTITY_KINDS.flatMap((kind) => (document[SECTION_OF[kind]] as DefinitionOf[typeof kind][]).map((definition) => ({ kind, definition }) as ImportedEntity));
}

import { ENTITY_LABEL, type DefinitionOf, type EntityKind, type ObjectTypeDefinition } from '../model/definitions';
import { withInherited } from './object-type.rules';
import type { OntologyIndex } from './ontology-index';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** One entity that refers to another, and how (`source`, `implements`, `property salary`…). */
export interface EntityReference {
  readonly kind: EntityKind;
  readonly id: string;
  readonly apiName: string;
  readonly via: string;
}

/** The live entities of each kind: an OntologyIndex, or a view's entity lists. */
export interface LiveEntities {
  live<K extends EntityKind>(kind: K): readonly { readonly id: string; readonly definition: DefinitionOf[K] }[];
}

/** What refers to the entity named `apiName`; empty when nothing does. */
export function entityReferrers(index: LiveEntities, kind: EntityKind, apiName: string): EntityReference[] {
  const refs: EntityReference[] = [];
  const add = (by: EntityKind, e: { id: string; definition: { apiName: string } }, via: string) => refs.push({ kind: by, id: e.id, apiName: e.definition.apiName, via });
  switch (kind) {
    case 'objectType':
      for (const l of index.live('linkType')) {
        if (same(l.definition.sourceObjectType, apiName)) add('linkType', l, 'source');
        if (same(l.definition.targetObjectType, apiName)) add('linkType', l, 'target');
      }
      for (const i of index.live('interface'))
        for (const link of i.definition.links) if (link.target.kind === 'objectType' && same(link.target.apiName, apiName)) add('interface', i, `link ${link.apiName}`);
      // A deprecation points its users at the replacement: it must not vanish or change its name under them.
      for (const o of index.live('objectType')) {
        const replacement = o.definition.deprecation?.replacement;
        if (replacement && same(replacement, apiName) && !same(o.definition.apiName, apiName)) add('objectType', o, 'deprecated; names it as the replacement');
      }
      break;
    case 'interface':
      for (const o of index.live('objectType')) if (o.definition.implements.some((n) => same(n, apiName))) add('objectType', o, 'implements');
      for (const i of index.live('interface')) {
        if (i.definition.extends.some((n) => same(n, apiName))) add('interface', i, 'extends');
        for (const link of i.definition.links) if (link.target.kind === 'interface' && same(link.target.apiName, apiName)) add('interface', i, `link ${link.apiName}`);
      }
      break;
    case 'sharedPropertyType':
    case 'valueType': {
      const field = kind === 'sharedPropertyType' ? 'sharedPropertyType' : 'valueType';
      for (const o of index.live('objectType'))
        for (const p of o.definition.properties) if (p[field] !== null && same(p[field], apiName)) add('objectType', o, `property ${p.apiName}`);
      break;
    }
    case 'linkType':
      break;
  }
  return refs;
}

/** A reference in words an editor can act on: `link type callsAt (source)`. */
export const describeReference = (r: EntityReference): string => `${ENTITY_LABEL[r.kind]} ${r.apiName} (${r.via})`;

/** What refers to the entity named `apiName`, in words; empty when nothing does. */
export function entityReferences(index: LiveEntities, kind: EntityKind, apiName: string): string[] {
  return entityReferrers(index, kind, apiName).map(describeReference);
}

/** What refers to one property of an object type: its keys, link types' foreign keys, implemented interfaces. */
export function propertyReferences(index: OntologyIndex, objectType: ObjectTypeDefinition, property: string): string[] {
  const refs: string[] = [];
  if (objectType.primaryKey === property) refs.push('the primary key');
  if (objectType.titleKey === property) refs.push('the title key');
  for (const { definition: l } of index.live('linkType'))
    if (l.relationship?.kind === 'foreignKey' && same(l.relationship.objectType, objectType.apiName) && l.relationship.property === property)
      refs.push(`link type ${l.apiName} (foreign key)`);
  for (const name of objectType.implements) {
    const iface = index.get('interface', name);
    if (!iface) continue;
    for (const i of withInherited(iface.definition, index)) if (i.properties.some((p) => p.apiName === property)) refs.push(`interface ${i.apiName}`);
  }
  return refs;
}

import type { EntityKind, ObjectTypeDefinition } from '../model/definitions';
import { withInherited } from './object-type.rules';
import type { OntologyIndex } from './ontology-index';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** What refers to the entity named `apiName`, in words an editor can act on; empty when nothing does. */
export function entityReferences(index: OntologyIndex, kind: EntityKind, apiName: string): string[] {
  const refs: string[] = [];
  switch (kind) {
    case 'objectType':
      for (const { definition: l } of index.live('linkType')) {
        if (same(l.sourceObjectType, apiName)) refs.push(`link type ${l.apiName} (source)`);
        if (same(l.targetObjectType, apiName)) refs.push(`link type ${l.apiName} (target)`);
      }
      for (const { definition: i } of index.live('interface'))
        for (const link of i.links) if (link.target.kind === 'objectType' && same(link.target.apiName, apiName)) refs.push(`interface ${i.apiName} (link ${link.apiName})`);
      // A deprecation points its users at the replacement: it must not vanish or change its name under them.
      for (const { definition: o } of index.live('objectType'))
        if (o.deprecation?.replacement && same(o.deprecation.replacement, apiName) && !same(o.apiName, apiName))
          refs.push(`object type ${o.apiName} (deprecated; names it as the replacement)`);
      break;
    case 'interface':
      for (const { definition: o } of index.live('objectType')) if (o.implements.some((n) => same(n, apiName))) refs.push(`object type ${o.apiName} (implements)`);
      for (const { definition: i } of index.live('interface')) {
        if (i.extends.some((n) => same(n, apiName))) refs.push(`interface ${i.apiName} (extends)`);
        for (const link of i.links) if (link.target.kind === 'interface' && same(link.target.apiName, apiName)) refs.push(`interface ${i.apiName} (link ${link.apiName})`);
      }
      break;
    case 'sharedPropertyType':
    case 'valueType': {
      const field = kind === 'sharedPropertyType' ? 'sharedPropertyType' : 'valueType';
      for (const { definition: o } of index.live('objectType'))
        for (const p of o.properties) if (p[field] !== null && same(p[field], apiName)) refs.push(`object type ${o.apiName} (property ${p.apiName})`);
      break;
    }
    case 'linkType':
      break;
  }
  return refs;
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

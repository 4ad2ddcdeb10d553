import type { FieldIssue } from '../../shared/errors';
import { describeDataType, sameDataType } from '../model/data-type';
import type { EntityState } from '../ontology.state';
import { linkEndsOf, type LinkEnd } from './link-ends';
import { apiNameIssues, displayNameIssues } from './naming.rules';
import type { OntologyIndex } from './ontology-index';

/** Problems with one link type: its names, its endpoints and its relationship spec; paths are within the link type. */
export function linkTypeIssues(entity: EntityState<'linkType'>, index: OntologyIndex, ends: ReadonlyMap<string, LinkEnd[]>): FieldIssue[] {
  const l = entity.definition;
  const issues: FieldIssue[] = [...apiNameIssues(l.apiName, 'camelCase', 'apiName')];
  const source = index.get('objectType', l.sourceObjectType);
  const target = index.get('objectType', l.targetObjectType);
  if (!source) issues.push({ path: 'sourceObjectType', rule: 'reference', message: `there is no object type "${l.sourceObjectType}"` });
  if (!target) issues.push({ path: 'targetObjectType', rule: 'reference', message: `there is no object type "${l.targetObjectType}"` });

  for (const side of ['forward', 'reverse'] as const) {
    const end = l[side];
    issues.push(...apiNameIssues(end.apiName, 'camelCase', `${side}.apiName`), ...displayNameIssues(end.displayName, `${side}.displayName`));
    for (const [language, texts] of Object.entries(end.translations)) issues.push(...displayNameIssues(texts.displayName, `${side}.translations.${language}.displayName`));
    const owner = side === 'forward' ? source : target;
    if (!owner) continue;
    if (owner.definition.properties.some((p) => p.apiName.toLowerCase() === end.apiName.toLowerCase()))
      issues.push({ path: `${side}.apiName`, rule: 'unique', message: `"${end.apiName}" is already a property of ${owner.definition.apiName}` });
    const clash = linkEndsOf(ends, owner.definition.apiName).find(
      (e) => e.apiName.toLowerCase() === end.apiName.toLowerCase() && !(e.linkType === l.apiName && e.side === side),
    );
    if (clash) issues.push({ path: `${side}.apiName`, rule: 'unique', message: `${owner.definition.apiName} already has a link "${end.apiName}" (link type ${clash.linkType})` });
  }
  issues.push(...relationshipIssues(entity, index));
  return issues;
}

function relationshipIssues(entity: EntityState<'linkType'>, index: OntologyIndex): FieldIssue[] {
  const l = entity.definition;
  const r = l.relationship;
  if (r === null || r.kind === 'joinTable') return [];
  const issues: FieldIssue[] = [];
  if (l.cardinality === 'many-to-many')
    return [{ path: 'relationship.kind', rule: 'relationship', message: 'a many-to-many link needs a join table, not a foreign key' }];
  const onSource = r.objectType.toLowerCase() === l.sourceObjectType.toLowerCase();
  const onTarget = r.objectType.toLowerCase() === l.targetObjectType.toLowerCase();
  if (!onSource && !onTarget)
    return [{ path: 'relationship.objectType', rule: 'relationship', message: `the foreign key must be on ${l.sourceObjectType} or ${l.targetObjectType}` }];
  if (l.cardinality === 'one-to-many' && !onTarget)
    return [{ path: 'relationship.objectType', rule: 'relationship', message: `in a one-to-many link the foreign key is on the "many" side, ${l.targetObjectType}` }];
  const holder = index.get('objectType', r.objectType);
  const referenced = index.get('objectType', onTarget ? l.sourceObjectType : l.targetObjectType);
  if (!holder || !referenced) return issues;
  const property = holder.definition.properties.find((p) => p.apiName === r.property);
  if (!property) return [{ path: 'relationship.property', rule: 'reference', message: `"${r.property}" is not a property of ${holder.definition.apiName}` }];
  const key = referenced.definition.properties.find((p) => p.apiName === referenced.definition.primaryKey);
  if (!key) issues.push({ path: 'relationship.property', rule: 'relationship', message: `${referenced.definition.apiName} has no primary key for "${r.property}" to refer to` });
  else if (!sameDataType(key.dataType, property.dataType))
    issues.push({
      path: 'relationship.property',
      rule: 'relationship',
      message: `"${r.property}" is ${describeDataType(property.dataType)} but the primary key of ${referenced.definition.apiName} is ${describeDataType(key.dataType)}`,
    });
  return issues;
}

import type { FieldIssue } from '../../shared/errors';
import { describeDataType, sameDataType, type DataType } from '../model/data-type';
import type { EntityState } from '../ontology.state';
import { apiNameIssues, displayNameIssues, duplicateNameIssues } from './naming.rules';
import { withInherited } from './object-type.rules';
import type { OntologyIndex } from './ontology-index';

/** Problems with one interface: names, what it extends (no cycles, no clashing inherited properties), link targets. */
export function interfaceIssues(entity: EntityState<'interface'>, index: OntologyIndex): FieldIssue[] {
  const d = entity.definition;
  const issues: FieldIssue[] = [...apiNameIssues(d.apiName, 'PascalCase', 'apiName'), ...displayNameIssues(d.displayName, 'displayName')];
  issues.push(...duplicateNameIssues(d.properties.map((p) => p.apiName), (i) => `properties.${i}.apiName`, 'property'));
  d.properties.forEach((p, i) => issues.push(...apiNameIssues(p.apiName, 'camelCase', `properties.${i}.apiName`)));
  issues.push(...duplicateNameIssues(d.links.map((l) => l.apiName), (i) => `links.${i}.apiName`, 'link'));
  d.links.forEach((l, i) => {
    issues.push(...apiNameIssues(l.apiName, 'camelCase', `links.${i}.apiName`));
    if (!index.get(l.target.kind, l.target.apiName))
      issues.push({ path: `links.${i}.target`, rule: 'reference', message: `there is no ${l.target.kind === 'objectType' ? 'object type' : 'interface'} "${l.target.apiName}"` });
  });
  d.extends.forEach((name, i) => {
    const parent = index.get('interface', name);
    if (!parent) issues.push({ path: `extends.${i}`, rule: 'reference', message: `there is no interface "${name}"` });
    else if (parent.id === entity.id) issues.push({ path: `extends.${i}`, rule: 'cycle', message: `an interface can't extend itself` });
    else if (reaches(parent.definition.apiName, d.apiName, index, new Set()))
      issues.push({ path: `extends.${i}`, rule: 'cycle', message: `${name} already extends ${d.apiName}: interfaces can't extend each other in a cycle` });
  });
  issues.push(...inheritedClashes(entity, index));
  return issues;
}

function reaches(from: string, to: string, index: OntologyIndex, seen: Set<string>): boolean {
  if (from.toLowerCase() === to.toLowerCase()) return true;
  if (seen.has(from.toLowerCase())) return false;
  seen.add(from.toLowerCase());
  const iface = index.get('interface', from);
  return iface?.definition.extends.some((p) => reaches(p, to, index, seen)) ?? false;
}

/**
 * A property declared with two types along the extends chain (by this interface and an ancestor, or by two
 * ancestors) can't be implemented by anyone.
 */
function inheritedClashes(entity: EntityState<'interface'>, index: OntologyIndex): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const d = entity.definition;
  const ancestors = withInherited(d, index).filter((i) => i.apiName.toLowerCase() !== d.apiName.toLowerCase());
  const declared = new Map<string, { by: string; dataType: DataType }>();
  for (const ancestor of ancestors) {
    for (const p of ancestor.properties) {
      const earlier = declared.get(p.apiName);
      if (!earlier) declared.set(p.apiName, { by: ancestor.apiName, dataType: p.dataType });
      else if (!sameDataType(earlier.dataType, p.dataType))
        issues.push({
          path: 'extends',
          rule: 'interface',
          message: `${earlier.by} declares "${p.apiName}" as ${describeDataType(earlier.dataType)} but ${ancestor.apiName} as ${describeDataType(p.dataType)}`,
        });
    }
  }
  d.properties.forEach((own, i) => {
    const inherited = declared.get(own.apiName);
    if (inherited && !sameDataType(own.dataType, inherited.dataType))
      issues.push({
        path: `properties.${i}.dataType`,
        rule: 'interface',
        message: `${inherited.by} declares "${own.apiName}" as ${describeDataType(inherited.dataType)}; this interface says ${describeDataType(own.dataType)}`,
      });
  });
  return issues;
}

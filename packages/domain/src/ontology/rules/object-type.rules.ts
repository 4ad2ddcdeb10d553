import type { FieldIssue } from '../../shared/errors';
import { describeDataType, isPrimaryKeyType, PRIMARY_KEY_TYPES, sameDataType } from '../model/data-type';
import type { InterfaceDefinition, ObjectTypeDefinition } from '../model/definitions';
import type { EntityState } from '../ontology.state';
import { linkEndsOf, type LinkEnd } from './link-ends';
import { apiNameIssues, displayNameIssues } from './naming.rules';
import type { OntologyIndex } from './ontology-index';
import { propertiesIssues } from './property.rules';

/** Problems with one object type, on its own and against the rest of the ontology; paths are within the type. */
export function objectTypeIssues(entity: EntityState<'objectType'>, index: OntologyIndex, ends: ReadonlyMap<string, LinkEnd[]>): FieldIssue[] {
  const d = entity.definition;
  const issues: FieldIssue[] = [...apiNameIssues(d.apiName, 'PascalCase', 'apiName'), ...displayNameIssues(d.displayName, 'displayName')];
  issues.push(...propertiesIssues(d.properties, index));
  issues.push(...keyIssues(d));
  issues.push(...statusIssues(entity, index));
  d.implements.forEach((name, i) => {
    const iface = index.get('interface', name);
    if (!iface) issues.push({ path: `implements.${i}`, rule: 'reference', message: `there is no interface "${name}"` });
    else issues.push(...implementationIssues(d, iface.definition, index, linkEndsOf(ends, d.apiName)));
  });
  return issues;
}

function keyIssues(d: ObjectTypeDefinition): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (d.primaryKey !== null) {
    const key = d.properties.find((p) => p.apiName === d.primaryKey);
    if (!key) issues.push({ path: 'primaryKey', rule: 'reference', message: `"${d.primaryKey}" is not one of the properties` });
    else {
      if (!isPrimaryKeyType(key.dataType))
        issues.push({ path: 'primaryKey', rule: 'key-type', message: `must be a ${PRIMARY_KEY_TYPES.join(', ')} property; "${key.apiName}" is ${describeDataType(key.dataType)}` });
      if (!key.required) issues.push({ path: 'primaryKey', rule: 'key-required', message: `"${key.apiName}" must be required to be the primary key` });
    }
  }
  if (d.titleKey !== null && !d.properties.some((p) => p.apiName === d.titleKey))
    issues.push({ path: 'titleKey', rule: 'reference', message: `"${d.titleKey}" is not one of the properties` });
  return issues;
}

function statusIssues(entity: EntityState<'objectType'>, index: OntologyIndex): FieldIssue[] {
  const d = entity.definition;
  const issues: FieldIssue[] = [];
  if (d.status === 'active' && d.primaryKey === null)
    issues.push({ path: 'primaryKey', rule: 'active-needs-key', message: 'an active object type needs a primary key' });
  if (d.status === 'deprecated' && d.deprecation === null)
    issues.push({ path: 'deprecation', rule: 'deprecation', message: 'a deprecated object type needs a deprecation: a reason, a deadline and the replacement' });
  if (d.status !== 'deprecated' && d.deprecation !== null)
    issues.push({ path: 'deprecation', rule: 'deprecation', message: `only a deprecated object type carries a deprecation; this one is ${d.status}` });
  if (d.status === 'deprecated' && d.deprecation !== null) issues.push(...replacementIssues(entity, d.deprecation.replacement, index));
  return issues;
}

/**
 * A deprecation names the object type to use instead: another live type of this ontology that is not deprecated
 * itself, so that following replacements always ends at a type in use. (Deprecations stored before this rule may
 * have none; they still load, and the issue shows until someone names one.)
 */
function replacementIssues(entity: EntityState<'objectType'>, replacement: string | null, index: OntologyIndex): FieldIssue[] {
  const at = (message: string, rule = 'replacement'): FieldIssue[] => [{ path: 'deprecation.replacement', rule, message }];
  if (replacement === null) return at('name the object type that replaces this one');
  const target = index.get('objectType', replacement);
  if (!target) return at(`there is no object type "${replacement}"`, 'reference');
  if (target.id === entity.id) return at('an object type can not replace itself', 'reference');
  if (target.definition.status === 'deprecated') return at(`object type ${target.definition.apiName} is deprecated too; name one that is not`);
  return [];
}

/** Does `d` have everything `iface` (and the interfaces it extends) requires? */
function implementationIssues(d: ObjectTypeDefinition, iface: InterfaceDefinition, index: OntologyIndex, ends: readonly LinkEnd[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const required of withInherited(iface, index)) {
    for (const rp of required.properties) {
      const own = d.properties.find((p) => p.apiName === rp.apiName);
      const where = `implements ${required.apiName}`;
      if (!own) {
        if (rp.required) issues.push({ path: 'properties', rule: 'interface', message: `${where}: needs a property "${rp.apiName}" of type ${describeDataType(rp.dataType)}` });
      } else if (!sameDataType(own.dataType, rp.dataType)) {
        issues.push({ path: 'properties', rule: 'interface', message: `${where}: property "${rp.apiName}" must be ${describeDataType(rp.dataType)}; it is ${describeDataType(own.dataType)}` });
      }
    }
    for (const rl of required.links) {
      const end = ends.find((e) => e.apiName === rl.apiName);
      const where = `implements ${required.apiName}`;
      const targetText = rl.target.kind === 'objectType' ? `object type ${rl.target.apiName}` : `an implementer of ${rl.target.apiName}`;
      if (!end) {
        if (rl.required) issues.push({ path: 'links', rule: 'interface', message: `${where}: needs a link "${rl.apiName}" to ${targetText}` });
        continue;
      }
      const other = index.get('objectType', end.otherObjectType);
      const targetOk =
        rl.target.kind === 'objectType'
          ? other?.definition.apiName.toLowerCase() === rl.target.apiName.toLowerCase()
          : other !== undefined && implementsInterface(other.definition, rl.target.apiName, index);
      if (!targetOk) issues.push({ path: 'links', rule: 'interface', message: `${where}: link "${rl.apiName}" must lead to ${targetText}; it leads to ${end.otherObjectType}` });
      if (end.many !== rl.many)
        issues.push({ path: 'links', rule: 'interface', message: `${where}: link "${rl.apiName}" must lead to ${rl.many ? 'many objects' : 'one object'}; it leads to ${end.many ? 'many' : 'one'}` });
    }
  }
  return issues;
}

/** The interface and everything it extends, each once (cycles are reported on the interface itself). */
export function withInherited(iface: InterfaceDefinition, index: OntologyIndex): InterfaceDefinition[] {
  const seen = new Map<string, InterfaceDefinition>();
  const visit = (i: InterfaceDefinition) => {
    if (seen.has(i.apiName.toLowerCase())) return;
    seen.set(i.apiName.toLowerCase(), i);
    for (const parent of i.extends) {
      const p = index.get('interface', parent);
      if (p) visit(p.definition);
    }
  };
  visit(iface);
  return [...seen.values()];
}

function implementsInterface(d: ObjectTypeDefinition, interfaceApiName: string, index: OntologyIndex): boolean {
  const wanted = interfaceApiName.toLowerCase();
  return d.implements.some((name) => {
    const iface = index.get('interface', name);
    return iface !== undefined && withInherited(iface.definition, index).some((i) => i.apiName.toLowerCase() === wanted);
  });
}

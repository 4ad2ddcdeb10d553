import type { FieldIssue } from '../shared/errors';
import type { DefineObjectTypeInput, PropertyDefinition } from './ontology.commands';
import { PRIMARY_KEY_TYPES } from './property-types';

/** Words that clash with the API surface or query language and so can't be apiNames. */
export const RESERVED_API_NAMES = new Set(
  ['object', 'objects', 'ontology', 'link', 'links', 'property', 'properties', 'type', 'types', 'id', 'rid', 'primarykey', 'title', 'select', 'from', 'where', 'null', 'true', 'false'].map((w) => w.toLowerCase()),
);

const OBJECT_TYPE_API_NAME = /^[A-Z][A-Za-z0-9]{0,99}$/;
const PROPERTY_API_NAME = /^[a-z][A-Za-z0-9]{0,99}$/;

/** An object type's definition as defined, or as it would be after an update. */
export type ObjectTypeDefinition = Omit<DefineObjectTypeInput, 'properties'> & { readonly properties: readonly PropertyDefinition[] };

/** Field-level problems with an object type definition; an empty list means it is valid on its own. */
export function objectTypeIssues(input: ObjectTypeDefinition): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!OBJECT_TYPE_API_NAME.test(input.apiName)) {
    issues.push({
      path: 'apiName',
      rule: 'naming',
      message: 'must start with an upper-case letter and contain only letters and digits (PascalCase, at most 100 characters)',
    });
  } else if (RESERVED_API_NAMES.has(input.apiName.toLowerCase())) {
    issues.push({ path: 'apiName', rule: 'reserved', message: `"${input.apiName}" is a reserved word` });
  }
  if (input.displayName.trim().length === 0) issues.push({ path: 'displayName', rule: 'required', message: 'must not be empty' });
  if (input.displayName.length > 200) issues.push({ path: 'displayName', rule: 'length', message: 'must be at most 200 characters' });
  if (input.description.length > 4000) issues.push({ path: 'description', rule: 'length', message: 'must be at most 4000 characters' });

  const seen = new Map<string, number>();
  input.properties.forEach((p, i) => {
    const path = `properties.${i}`;
    if (!PROPERTY_API_NAME.test(p.apiName)) {
      issues.push({ path: `${path}.apiName`, rule: 'naming', message: 'must start with a lower-case letter and contain only letters and digits (camelCase)' });
    } else if (RESERVED_API_NAMES.has(p.apiName.toLowerCase())) {
      issues.push({ path: `${path}.apiName`, rule: 'reserved', message: `"${p.apiName}" is a reserved word` });
    }
    const earlier = seen.get(p.apiName.toLowerCase());
    if (earlier !== undefined) {
      issues.push({ path: `${path}.apiName`, rule: 'unique', message: `duplicates properties.${earlier}.apiName "${p.apiName}"` });
    } else {
      seen.set(p.apiName.toLowerCase(), i);
    }
    if (p.displayName.trim().length === 0) issues.push({ path: `${path}.displayName`, rule: 'required', message: 'must not be empty' });
  });

  if (input.primaryKey !== null) {
    const key = input.properties.find((p) => p.apiName === input.primaryKey);
    if (!key) {
      issues.push({ path: 'primaryKey', rule: 'reference', message: `"${input.primaryKey}" is not one of the properties` });
    } else {
      if (!PRIMARY_KEY_TYPES.includes(key.dataType))
        issues.push({ path: 'primaryKey', rule: 'key-type', message: `must be a ${PRIMARY_KEY_TYPES.join(', ')} property; "${key.apiName}" is ${key.dataType}` });
      if (!key.required) issues.push({ path: 'primaryKey', rule: 'key-required', message: `"${key.apiName}" must be required to be the primary key` });
    }
  }
  return issues;
}

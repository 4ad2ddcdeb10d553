import type { FieldIssue } from '../../shared/errors';
import { stableJson } from '../../shared/stable-hash';
import { constraintIssues, valueProblem } from '../model/constraints';
import { describeDataType, sameDataType } from '../model/data-type';
import type { PropertyDefinition } from '../model/definitions';
import { apiNameIssues, displayNameIssues, duplicateNameIssues } from './naming.rules';
import type { OntologyIndex } from './ontology-index';

/** Problems with one object type's properties on their own and against the shared and value types they use. */
export function propertiesIssues(properties: readonly PropertyDefinition[], index: OntologyIndex): FieldIssue[] {
  const issues: FieldIssue[] = duplicateNameIssues(
    properties.map((p) => p.apiName),
    (i) => `properties.${i}.apiName`,
    'property',
  );
  properties.forEach((p, i) => issues.push(...propertyIssues(p, `properties.${i}`, index)));
  return issues;
}

function propertyIssues(p: PropertyDefinition, at: string, index: OntologyIndex): FieldIssue[] {
  const issues: FieldIssue[] = [...apiNameIssues(p.apiName, 'camelCase', `${at}.apiName`), ...displayNameIssues(p.displayName, `${at}.displayName`)];
  issues.push(...constraintIssues(p.dataType, p.constraints, `${at}.constraints`));
  if (p.default !== undefined && p.default !== null) {
    const problem = valueProblem(p.dataType, p.constraints, p.default);
    if (problem) issues.push({ path: `${at}.default`, rule: 'default', message: `is not a valid value: ${problem}` });
  }
  if (p.sharedPropertyType !== null) {
    const shared = index.get('sharedPropertyType', p.sharedPropertyType);
    if (!shared)
      issues.push({ path: `${at}.sharedPropertyType`, rule: 'reference', message: `there is no shared property type "${p.sharedPropertyType}"` });
    else {
      if (!sameDataType(shared.definition.dataType, p.dataType))
        issues.push({
          path: `${at}.dataType`,
          rule: 'shared-property-type',
          message: `must be ${describeDataType(shared.definition.dataType)} like the shared property type ${shared.definition.apiName}; it is ${describeDataType(p.dataType)}`,
        });
      if (stableJson(shared.definition.constraints) !== stableJson(p.constraints))
        issues.push({
          path: `${at}.constraints`,
          rule: 'shared-property-type',
          message: `must be ${stableJson(shared.definition.constraints)} like the shared property type ${shared.definition.apiName}; they are ${stableJson(p.constraints)}`,
        });
    }
  }
  if (p.valueType !== null) {
    const valueType = index.get('valueType', p.valueType);
    if (!valueType) issues.push({ path: `${at}.valueType`, rule: 'reference', message: `there is no value type "${p.valueType}"` });
    else if (!sameDataType(valueType.definition.baseType, p.dataType))
      issues.push({
        path: `${at}.dataType`,
        rule: 'value-type',
        message: `must be ${describeDataType(valueType.definition.baseType)}, the base type of the value type ${valueType.definition.apiName}; it is ${describeDataType(p.dataType)}`,
      });
    else if (p.default !== undefined && p.default !== null) {
      // The value type's constraints hold for every property that uses it, on top of the property's own.
      const problem = valueProblem(p.dataType, valueType.definition.constraints, p.default);
      if (problem) issues.push({ path: `${at}.default`, rule: 'default', message: `is not a valid ${valueType.definition.apiName}: ${problem}` });
    }
  }
  return issues;
}

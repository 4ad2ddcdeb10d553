import type { FieldIssue } from '../../shared/errors';
import { constraintIssues } from '../model/constraints';
import type { EntityState } from '../ontology.state';
import { apiNameIssues, displayNameIssues } from './naming.rules';

export function sharedPropertyTypeIssues(entity: EntityState<'sharedPropertyType'>): FieldIssue[] {
  const d = entity.definition;
  return [
    ...apiNameIssues(d.apiName, 'camelCase', 'apiName'),
    ...displayNameIssues(d.displayName, 'displayName'),
    ...constraintIssues(d.dataType, d.constraints, 'constraints'),
  ];
}

export function valueTypeIssues(entity: EntityState<'valueType'>): FieldIssue[] {
  const d = entity.definition;
  return [
    ...apiNameIssues(d.apiName, 'PascalCase', 'apiName'),
    ...displayNameIssues(d.displayName, 'displayName'),
    ...constraintIssues(d.baseType, d.constraints, 'constraints'),
  ];
}

import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../shared/errors';
import type { EntityKind } from '../model/definitions';
import {
  applyChanges,
  definedEvent,
  defineChange,
  deletedEvent,
  ontologySpec as spec,
  shipInput,
  shippingBase,
  updateChange,
  updatedEvent,
  type GivenEvent,
} from '../../testing/ontology-spec';

const PASCAL = 'must start with an upper-case letter and contain only letters and digits (PascalCase, at most 100 characters)';
const CAMEL = 'must start with a lower-case letter and contain only letters and digits (camelCase, at most 100 characters)';

const headCount = { apiName: 'headCount', displayName: 'Head count', dataType: 'integer', constraints: { min: 0 } };
const tonnes = { apiName: 'Tonnes', displayName: 'Tonnes', baseType: 'double', constraints: { min: 0 } };

function refusesDefine(kind: EntityKind, given: GivenEvent[], input: Record<string, unknown>, issues: FieldIssue[]) {
  const code = kind === 'sharedPropertyType' ? 'ONTOLOGY.INVALID_SHARED_PROPERTY_TYPE' : 'ONTOLOGY.INVALID_VALUE_TYPE';
  spec
    .given(given)
    .when(applyChanges(defineChange(kind, 'new', input)))
    .thenThrows(code, (e) => expect(e.issues).toEqual(issues));
}

/** Ship (version 2) with these extra properties: refused with exactly these issues. */
function refusesShipProperties(given: GivenEvent[], extra: Record<string, unknown>[], issues: FieldIssue[]) {
  spec
    .given(given)
    .when(applyChanges(updateChange('objectType', 'ot_ship', 2, { properties: [...shipInput.properties, ...extra] })))
    .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) => expect(e.issues).toEqual(issues));
}
const acceptsShipProperties = (given: GivenEvent[], extra: Record<string, unknown>[]) =>
  spec
    .given(given)
    .when(applyChanges(updateChange('objectType', 'ot_ship', 2, { properties: [...shipInput.properties, ...extra] })))
    .then([updatedEvent('objectType', 'ot_ship', { ...shipInput, properties: [...shipInput.properties, ...extra] })]);

describe('shared property types', () => {
  it('are named in camelCase, not reserved, and have a display name', () => {
    refusesDefine('sharedPropertyType', shippingBase, { ...headCount, apiName: 'HeadCount' }, [{ path: 'apiName', rule: 'naming', message: CAMEL }]);
    refusesDefine('sharedPropertyType', shippingBase, { ...headCount, apiName: 'title' }, [{ path: 'apiName', rule: 'reserved', message: '"title" is a reserved word' }]);
    refusesDefine('sharedPropertyType', shippingBase, { ...headCount, displayName: '' }, [{ path: 'displayName', rule: 'required', message: 'must not be empty' }]);
  });

  it('are unique among shared property types whatever the case', () => {
    refusesDefine('sharedPropertyType', [...shippingBase, definedEvent('sharedPropertyType', 'sp_head', headCount)], { ...headCount, apiName: 'headcount' }, [
      { path: 'apiName', rule: 'unique', message: 'shared property type "headCount" already exists in this ontology' },
    ]);
  });

  it('have constraints that fit their type', () => {
    refusesDefine('sharedPropertyType', shippingBase, { ...headCount, constraints: { min: 0, maxLength: 3 } }, [
      { path: 'constraints.maxLength', rule: 'constraint', message: 'only text properties take maxLength; this one is integer' },
    ]);
  });
});

describe('value types', () => {
  it('are named in PascalCase, not reserved, and have a display name', () => {
    refusesDefine('valueType', shippingBase, { ...tonnes, apiName: 'tonnes' }, [{ path: 'apiName', rule: 'naming', message: PASCAL }]);
    refusesDefine('valueType', shippingBase, { ...tonnes, apiName: 'Version' }, [{ path: 'apiName', rule: 'reserved', message: '"Version" is a reserved word' }]);
    refusesDefine('valueType', shippingBase, { ...tonnes, displayName: ' ' }, [{ path: 'displayName', rule: 'required', message: 'must not be empty' }]);
  });

  it('are unique among value types whatever the case, and may share a name with an object type', () => {
    refusesDefine('valueType', [...shippingBase, definedEvent('valueType', 'vt_tonnes', tonnes)], { ...tonnes, apiName: 'TONNES' }, [
      { path: 'apiName', rule: 'unique', message: 'value type "Tonnes" already exists in this ontology' },
    ]);
    spec.given(shippingBase).when(applyChanges(defineChange('valueType', 'vt_ship', { ...tonnes, apiName: 'Ship' }))).then([definedEvent('valueType', 'vt_ship', { ...tonnes, apiName: 'Ship' })]);
  });

  it('have constraints that fit their base type', () => {
    refusesDefine('valueType', shippingBase, { ...tonnes, constraints: { pattern: '^\\d+$', min: 'zero' } }, [
      { path: 'constraints.min', rule: 'constraint', message: 'must be a number for a double property' },
      { path: 'constraints.pattern', rule: 'constraint', message: 'only text properties take pattern; this one is double' },
    ]);
  });
});

describe('properties that use a shared property type', () => {
  const withHeadCount = [...shippingBase, definedEvent('sharedPropertyType', 'sp_head', headCount)];
  const crew = { apiName: 'crew', displayName: 'Crew', dataType: 'integer', constraints: { min: 0 }, sharedPropertyType: 'headCount' };

  it('name one that exists', () => {
    refusesShipProperties(shippingBase, [crew], [{ path: 'properties.3.sharedPropertyType', rule: 'reference', message: 'there is no shared property type "headCount"' }]);
    refusesShipProperties([...withHeadCount, deletedEvent('sharedPropertyType', 'sp_head', headCount)], [crew], [
      { path: 'properties.3.sharedPropertyType', rule: 'reference', message: 'there is no shared property type "headCount"' },
    ]);
  });

  it('have its type and constraints', () => {
    acceptsShipProperties(withHeadCount, [crew]);
    refusesShipProperties(withHeadCount, [{ ...crew, dataType: 'long' }], [
      { path: 'properties.3.dataType', rule: 'shared-property-type', message: 'must be integer like the shared property type headCount; it is long' },
    ]);
    refusesShipProperties(withHeadCount, [{ ...crew, constraints: { min: 1 } }], [
      { path: 'properties.3.constraints', rule: 'shared-property-type', message: 'must be {"min":0} like the shared property type headCount; they are {"min":1}' },
    ]);
  });

  it('keep agreeing with it when it changes: the shared type and its users change together', () => {
    const given = [...withHeadCount, updatedEvent('objectType', 'ot_ship', { ...shipInput, properties: [...shipInput.properties, crew] })];
    spec
      .given(given)
      .when(applyChanges(updateChange('sharedPropertyType', 'sp_head', 4, { dataType: 'long' })))
      .thenThrows('ONTOLOGY.INVALID_SHARED_PROPERTY_TYPE', (e) =>
        expect(e.issues).toEqual([
          { path: 'objectType.Ship.properties.3.dataType', rule: 'shared-property-type', message: 'must be long like the shared property type headCount; it is integer' },
        ]),
      );
    spec
      .given(given)
      .when(
        applyChanges([
          updateChange('sharedPropertyType', 'sp_head', 4, { dataType: 'long' }),
          updateChange('objectType', 'ot_ship', 5, { properties: [...shipInput.properties, { ...crew, dataType: 'long' }] }),
        ]),
      )
      .then([
        updatedEvent('sharedPropertyType', 'sp_head', { ...headCount, dataType: 'long' }),
        updatedEvent('objectType', 'ot_ship', { ...shipInput, properties: [...shipInput.properties, { ...crew, dataType: 'long' }] }),
      ]);
  });
});

describe('properties that use a value type', () => {
  const withTonnes = [...shippingBase, definedEvent('valueType', 'vt_tonnes', tonnes)];
  const cargo = { apiName: 'cargo', displayName: 'Cargo', dataType: 'double', valueType: 'Tonnes' };

  it('name one that exists', () => {
    refusesShipProperties(shippingBase, [cargo], [{ path: 'properties.3.valueType', rule: 'reference', message: 'there is no value type "Tonnes"' }]);
  });

  it('are of its base type', () => {
    acceptsShipProperties(withTonnes, [cargo]);
    refusesShipProperties(withTonnes, [{ ...cargo, dataType: 'integer' }], [
      { path: 'properties.3.dataType', rule: 'value-type', message: 'must be double, the base type of the value type Tonnes; it is integer' },
    ]);
  });

  it('have a default that meets its constraints as well as their own', () => {
    refusesShipProperties(withTonnes, [{ ...cargo, default: -1 }], [{ path: 'properties.3.default', rule: 'default', message: 'is not a valid Tonnes: -1 is below the minimum 0' }]);
    refusesShipProperties(withTonnes, [{ ...cargo, default: 5, constraints: { max: 3 } }], [
      { path: 'properties.3.default', rule: 'default', message: 'is not a valid value: 5 is above the maximum 3' },
    ]);
    acceptsShipProperties(withTonnes, [{ ...cargo, default: 0 }]);
  });
});

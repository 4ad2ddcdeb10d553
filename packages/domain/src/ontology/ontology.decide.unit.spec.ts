import { describe, expect, it } from 'vitest';
import { deciderSpec } from '../testing/decider-spec';
import type { OntologyCommand } from './ontology.commands';
import type { OntologyEvent } from './ontology.events';
import { decideOntology } from './ontology.decide';
import { evolveOntology, initialOntologyState } from './ontology.state';
import { ZDefineObjectTypeInput } from './ontology.commands';

const spec = deciderSpec<OntologyCommand, OntologyEvent, typeof initialOntologyState>({
  decide: decideOntology,
  evolve: evolveOntology,
  initial: initialOntologyState,
});

const created: OntologyEvent = { type: 'OntologyCreated', data: { ontologyId: 'demo', displayName: 'Demo', description: '' } };

const define = (input: Record<string, unknown>, objectTypeId = 'ot_1'): OntologyCommand => ({
  type: 'DefineObjectType',
  data: { ...ZDefineObjectTypeInput.parse(input), objectTypeId },
});

const ship = {
  apiName: 'Ship',
  displayName: 'Ship',
  properties: [
    { apiName: 'imo', displayName: 'IMO number', dataType: 'string', required: true },
    { apiName: 'tonnage', displayName: 'Tonnage', dataType: 'double' },
  ],
  primaryKey: 'imo',
};

describe('ontology decider', () => {
  it('creates an ontology once', () => {
    spec.given([]).when({ type: 'CreateOntology', data: created.data }).then([created]);
    spec.given([created]).when({ type: 'CreateOntology', data: created.data }).thenThrows('ONTOLOGY.ALREADY_EXISTS');
  });

  it('defines an object type with typed properties and a primary key', () => {
    spec
      .given([created])
      .when(define(ship))
      .then([
        {
          type: 'ObjectTypeDefined',
          data: {
            objectTypeId: 'ot_1',
            apiName: 'Ship',
            displayName: 'Ship',
            description: '',
            status: 'experimental',
            properties: [
              { apiName: 'imo', displayName: 'IMO number', dataType: 'string', required: true, description: '' },
              { apiName: 'tonnage', displayName: 'Tonnage', dataType: 'double', required: false, description: '' },
            ],
            primaryKey: 'imo',
          },
        },
      ]);
  });

  it('refuses an apiName already used in the ontology, whatever its case', () => {
    const defined = decideOntology(define(ship), evolveOntology(initialOntologyState, created));
    spec
      .given([created, ...defined])
      .when(define({ ...ship, apiName: 'SHIP' }, 'ot_2'))
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) =>
        expect(e.issues).toEqual([{ path: 'apiName', rule: 'unique', message: 'an object type "SHIP" already exists in this ontology' }]),
      );
  });

  it('names each invalid field', () => {
    spec
      .given([created])
      .when(
        define({
          apiName: 'ship type',
          displayName: ' ',
          properties: [
            { apiName: 'Name', displayName: 'Name', dataType: 'string' },
            { apiName: 'weight', displayName: 'Weight', dataType: 'double' },
            { apiName: 'weight', displayName: 'Weight again', dataType: 'double' },
          ],
          primaryKey: 'weight',
        }),
      )
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) =>
        expect(e.issues).toEqual([
          { path: 'apiName', rule: 'naming', message: 'must start with an upper-case letter and contain only letters and digits (PascalCase, at most 100 characters)' },
          { path: 'displayName', rule: 'required', message: 'must not be empty' },
          { path: 'properties.0.apiName', rule: 'naming', message: 'must start with a lower-case letter and contain only letters and digits (camelCase)' },
          { path: 'properties.2.apiName', rule: 'unique', message: 'duplicates properties.1.apiName "weight"' },
          { path: 'primaryKey', rule: 'key-type', message: 'must be a string, integer, long property; "weight" is double' },
          { path: 'primaryKey', rule: 'key-required', message: '"weight" must be required to be the primary key' },
        ]),
      );
  });

  it('refuses reserved words', () => {
    spec.given([created]).when(define({ ...ship, apiName: 'Object' })).thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) =>
      expect(e.issues[0]).toMatchObject({ path: 'apiName', rule: 'reserved' }),
    );
  });

  it('needs the ontology to exist', () => {
    spec.given([]).when(define(ship)).thenThrows('ONTOLOGY.NOT_FOUND');
  });

  it('rejects an unknown property type at the schema with the field path', () => {
    const parsed = ZDefineObjectTypeInput.safeParse({ ...ship, properties: [{ apiName: 'x', displayName: 'X', dataType: 'blob' }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['properties', 0, 'dataType']);
    expect(parsed.error!.issues[0]!.message).toBe(
      'unknown property type "blob"; expected one of string, integer, long, double, decimal, boolean, date, timestamp',
    );
  });
});

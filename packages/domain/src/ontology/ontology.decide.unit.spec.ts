import { describe, expect, it } from 'vitest';
import { deciderSpec } from '../testing/decider-spec';
import type { OntologyCommand } from './ontology.commands';
import type { OntologyEvent, RecordedMetadata, RecordedOntologyEvent } from './ontology.events';
import { decideOntology } from './ontology.decide';
import { evolveOntology, initialOntologyState, type OntologyState } from './ontology.state';
import { ZDefineObjectTypeInput, ZUpdateObjectTypeInput } from './ontology.commands';

type GivenEvent = OntologyEvent | RecordedOntologyEvent;

/** Given events get the next sequence number, and an actor and time unless a test sets its own. */
function recorded(state: OntologyState, event: GivenEvent): RecordedOntologyEvent {
  const metadata: RecordedMetadata = 'metadata' in event ? event.metadata : { sequenceNumber: state.seq + 1, actor: 'ada@spice.local', occurredAt: '2025-01-01T00:00:00.000Z' };
  return { ...event, metadata } as RecordedOntologyEvent;
}

const spec = deciderSpec<OntologyCommand, GivenEvent, OntologyState>({
  decide: decideOntology,
  evolve: (state, event) => evolveOntology(state, recorded(state, event)),
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

/** Ship as defined at sequence 2 (after `created`), by Ada. */
const shipDefined: OntologyEvent = {
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
};

const update = (input: Record<string, unknown>): OntologyCommand => ({
  type: 'UpdateObjectType',
  data: ZUpdateObjectTypeInput.parse({ objectTypeId: 'ot_1', ...input }),
});

const remove = (expectedSeq: number, objectTypeId = 'ot_1'): OntologyCommand => ({ type: 'DeleteObjectType', data: { objectTypeId, expectedSeq } });

/** Grace renames Ship at sequence 3. */
const renamedByGrace: RecordedOntologyEvent = {
  type: 'ObjectTypeUpdated',
  data: { ...withoutStatus(shipDefined), displayName: 'Sea ship' },
  metadata: { sequenceNumber: 3, actor: 'grace@spice.local', occurredAt: '2025-02-03T04:05:06.000Z' },
};

function withoutStatus(e: OntologyEvent) {
  const { status: _status, ...rest } = e.data as Extract<OntologyEvent, { type: 'ObjectTypeDefined' }>['data'];
  return rest;
}

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
    spec
      .given([created, shipDefined])
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

describe('updating and deleting object types with optimistic concurrency', () => {
  it('updates the editable fields of the version the client saw, keeping what it leaves out', () => {
    spec
      .given([created, shipDefined])
      .when(update({ expectedSeq: 2, displayName: '  Sea ship ', description: 'Anything that floats' }))
      .then([
        {
          type: 'ObjectTypeUpdated',
          data: { ...withoutStatus(shipDefined), displayName: 'Sea ship', description: 'Anything that floats' },
        },
      ]);
  });

  it('replaces the properties and the primary key together', () => {
    spec
      .given([created, shipDefined])
      .when(
        update({
          expectedSeq: 2,
          properties: [{ apiName: 'mmsi', displayName: 'MMSI', dataType: 'long', required: true }],
          primaryKey: 'mmsi',
        }),
      )
      .then([
        {
          type: 'ObjectTypeUpdated',
          data: {
            ...withoutStatus(shipDefined),
            properties: [{ apiName: 'mmsi', displayName: 'MMSI', dataType: 'long', required: true, description: '' }],
            primaryKey: 'mmsi',
          },
        },
      ]);
  });

  it('refuses a stale expectedSeq with who changed the type and when', () => {
    spec
      .given([created, shipDefined, renamedByGrace])
      .when(update({ expectedSeq: 2, description: 'mine' }))
      .thenThrows('ONTOLOGY.OBJECT_TYPE_CHANGED', (e) => {
        expect(e.kind).toBe('conflict');
        expect(e.context).toEqual({
          objectTypeId: 'ot_1',
          apiName: 'Ship',
          expectedSeq: 2,
          currentSeq: 3,
          changedBy: 'grace@spice.local',
          changedAt: '2025-02-03T04:05:06.000Z',
          deleted: false,
        });
      });
  });

  it('checks the version before the content: a stale invalid edit is a conflict, not a validation error', () => {
    spec
      .given([created, shipDefined, renamedByGrace])
      .when(update({ expectedSeq: 2, displayName: ' ' }))
      .thenThrows('ONTOLOGY.OBJECT_TYPE_CHANGED');
  });

  it('compares with the type’s own version, so a change to another type does not make it stale', () => {
    const other: OntologyEvent = { type: 'ObjectTypeDefined', data: { ...shipDefined.data, objectTypeId: 'ot_2', apiName: 'Port', displayName: 'Port' } };
    spec
      .given([created, shipDefined, other])
      .when(update({ expectedSeq: 2, description: 'still mine to edit' }))
      .then([{ type: 'ObjectTypeUpdated', data: { ...withoutStatus(shipDefined), description: 'still mine to edit' } }]);
  });

  it('applies the same validation rules as define to the result', () => {
    spec
      .given([created, shipDefined])
      .when(update({ expectedSeq: 2, displayName: '', properties: [{ apiName: 'imo', displayName: 'IMO', dataType: 'string' }] }))
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) =>
        expect(e.issues).toEqual([
          { path: 'displayName', rule: 'required', message: 'must not be empty' },
          { path: 'primaryKey', rule: 'key-required', message: '"imo" must be required to be the primary key' },
        ]),
      );
    spec
      .given([created, shipDefined])
      .when(update({ expectedSeq: 2, properties: [] }))
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) =>
        expect(e.issues).toEqual([{ path: 'primaryKey', rule: 'reference', message: '"imo" is not one of the properties' }]),
      );
  });

  it('refuses an update that changes nothing', () => {
    spec
      .given([created, shipDefined])
      .when(update({ expectedSeq: 2 }))
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) => expect(e.issues[0]).toMatchObject({ path: '(root)', rule: 'required' }));
  });

  it('keeps apiName out of updates: it is immutable', () => {
    const parsed = ZUpdateObjectTypeInput.safeParse({ objectTypeId: 'ot_1', expectedSeq: 2, apiName: 'Boat' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['apiName'] })]);
  });

  it('names expectedSeq when it is missing or not a whole number', () => {
    const missing = ZUpdateObjectTypeInput.safeParse({ objectTypeId: 'ot_1', displayName: 'Boat' });
    expect(missing.error!.issues.map((i) => [i.path, i.message])).toEqual([
      [['expectedSeq'], 'required: the version of the object type you last saw (its `version`)'],
    ]);
    const fractional = ZUpdateObjectTypeInput.safeParse({ objectTypeId: 'ot_1', expectedSeq: 2.5, displayName: 'Boat' });
    expect(fractional.error!.issues.map((i) => [i.path, i.message])).toEqual([[['expectedSeq'], 'must be a whole number']]);
  });

  it('deletes the version the client saw, and frees its apiName', () => {
    const deleted: OntologyEvent = { type: 'ObjectTypeDeleted', data: { objectTypeId: 'ot_1', apiName: 'Ship' } };
    spec.given([created, shipDefined]).when(remove(2)).then([deleted]);
    spec
      .given([created, shipDefined, deleted])
      .when(define({ ...ship, apiName: 'SHIP' }, 'ot_2'))
      .then([{ type: 'ObjectTypeDefined', data: { ...shipDefined.data, objectTypeId: 'ot_2', apiName: 'SHIP' } }]);
  });

  it('refuses a stale delete with the conflict context', () => {
    spec
      .given([created, shipDefined, renamedByGrace])
      .when(remove(2))
      .thenThrows('ONTOLOGY.OBJECT_TYPE_CHANGED', (e) => expect(e.context).toMatchObject({ expectedSeq: 2, currentSeq: 3, changedBy: 'grace@spice.local' }));
  });

  it('never brings a deleted type back: editing it is a conflict naming the delete, its id cannot be defined again', () => {
    const deletedByGrace: RecordedOntologyEvent = {
      type: 'ObjectTypeDeleted',
      data: { objectTypeId: 'ot_1', apiName: 'Ship' },
      metadata: { sequenceNumber: 3, actor: 'grace@spice.local', occurredAt: '2025-02-03T04:05:06.000Z' },
    };
    spec
      .given([created, shipDefined, deletedByGrace])
      .when(update({ expectedSeq: 2, description: 'mine' }))
      .thenThrows('ONTOLOGY.OBJECT_TYPE_CHANGED', (e) => expect(e.context).toMatchObject({ currentSeq: 3, deleted: true, changedBy: 'grace@spice.local' }));
    spec.given([created, shipDefined, deletedByGrace]).when(remove(3)).thenThrows('ONTOLOGY.OBJECT_TYPE_NOT_FOUND');
    spec.given([created, shipDefined, deletedByGrace]).when(define(ship, 'ot_1')).thenThrows('ONTOLOGY.OBJECT_TYPE_ID_TAKEN');
  });

  it('answers not found for a type that never existed', () => {
    spec.given([created]).when(update({ expectedSeq: 1, description: 'x' })).thenThrows('ONTOLOGY.OBJECT_TYPE_NOT_FOUND');
    spec.given([created]).when(remove(1, 'ot_9')).thenThrows('ONTOLOGY.OBJECT_TYPE_NOT_FOUND');
  });
});

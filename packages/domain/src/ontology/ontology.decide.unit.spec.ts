import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  by,
  definedEvent,
  defineChange,
  deleteChange,
  deletedEvent,
  ontologyCreated,
  ontologySpec as spec,
  portInput,
  shipInput,
  shippingBase,
  updateChange,
  updatedEvent,
} from '../testing/ontology-spec';
import { ZUpdateObjectTypeInput } from './ontology.commands';
import type { OntologyEvent } from './ontology.events';

const GRACE = 'grace@spice.local';
const GRACE_AT = '2025-02-03T04:05:06.000Z';

/** Grace edits Ship's description at sequence 4, after the base (Ship at 2, Port at 3). */
const editedByGrace = by(updatedEvent('objectType', 'ot_ship', { ...shipInput, description: 'Grace was here' }), 4, GRACE, GRACE_AT);
const deletedByGrace = by(deletedEvent('objectType', 'ot_ship', shipInput), 4, GRACE, GRACE_AT);

const updateShip = (expectedSeq: number | null, patch: Record<string, unknown>) => applyChanges(updateChange('objectType', 'ot_ship', expectedSeq, patch));
const deleteShip = (expectedSeq: number | null) => applyChanges(deleteChange('objectType', 'ot_ship', expectedSeq));

describe('creating an ontology', () => {
  it('creates it once', () => {
    spec.given([]).when({ type: 'CreateOntology', data: ontologyCreated.data as never }).then([ontologyCreated]);
    spec
      .given([ontologyCreated])
      .when({ type: 'CreateOntology', data: ontologyCreated.data as never })
      .thenThrows('ONTOLOGY.ALREADY_EXISTS', (e) => expect(e.message).toBe('Ontology "demo" already exists'));
  });

  it('takes no changes before it exists', () => {
    spec
      .given([])
      .when(applyChanges(defineChange('objectType', 'ot_ship', shipInput)))
      .thenThrows('ONTOLOGY.NOT_FOUND', (e) => expect(e.message).toBe('The ontology does not exist'));
  });
});

describe('defining entities', () => {
  it('emits the whole definition, defaults filled in, under the entity id', () => {
    spec
      .given([ontologyCreated])
      .when(applyChanges(defineChange('objectType', 'ot_ship', shipInput)))
      .then([
        {
          type: 'ObjectTypeDefined',
          data: {
            objectTypeId: 'ot_ship',
            apiName: 'Ship',
            displayName: 'Ship',
            pluralDisplayName: '',
            description: '',
            icon: null,
            color: null,
            status: 'experimental',
            deprecation: null,
            groups: [],
            properties: shipInput.properties.map((p) => ({
              description: '',
              required: false,
              unique: false,
              searchable: true,
              constraints: {},
              sharedPropertyType: null,
              valueType: null,
              translations: {},
              ...p,
            })),
            primaryKey: 'imo',
            titleKey: 'name',
            implements: [],
            backingDataset: null,
            translations: {},
          },
        },
      ]);
  });

  it('emits one event per change, in order, and all of them or none', () => {
    const worksAt = {
      apiName: 'callsAt',
      sourceObjectType: 'Ship',
      targetObjectType: 'Port',
      cardinality: 'many-to-many',
      forward: { apiName: 'ports', displayName: 'Ports' },
      reverse: { apiName: 'ships', displayName: 'Ships' },
    };
    spec
      .given([ontologyCreated])
      .when(applyChanges([defineChange('objectType', 'ot_ship', shipInput), defineChange('objectType', 'ot_port', portInput), defineChange('linkType', 'lt_calls', worksAt)]))
      .then([definedEvent('objectType', 'ot_ship', shipInput), definedEvent('objectType', 'ot_port', portInput), definedEvent('linkType', 'lt_calls', worksAt)]);
    spec
      .given([ontologyCreated])
      .when(applyChanges([defineChange('objectType', 'ot_ship', shipInput), defineChange('linkType', 'lt_calls', worksAt)]))
      .thenThrows('ONTOLOGY.INVALID_CHANGE', (e) => {
        expect(e.message).toBe('The changes would leave the ontology invalid');
        expect(e.issues).toEqual([{ path: 'linkType.callsAt.targetObjectType', rule: 'reference', message: 'there is no object type "Port"' }]);
      });
  });

  it('checks a definition built elsewhere against the schema, and fills in its defaults', () => {
    const raw = (definition: Record<string, unknown>) =>
      applyChanges({ op: 'define', kind: 'objectType', id: 'ot_ship', definition: definition as never });
    spec.given([ontologyCreated]).when(raw(shipInput)).then([definedEvent('objectType', 'ot_ship', shipInput)]);
    spec
      .given([ontologyCreated])
      .when(raw({ ...shipInput, properties: [{ ...shipInput.properties[0], dataType: 'blob' }] }))
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) =>
        expect(e.issues).toEqual([
          {
            path: 'properties.0.dataType',
            rule: 'invalid_union',
            message: 'unknown data type "blob"; expected one of string, integer, long, double, boolean, date, timestamp, geopoint, email, phone, url, decimal, array, struct, money, enum',
          },
        ]),
      );
  });

  it('refuses an id already used, even by a deleted entity', () => {
    spec
      .given(shippingBase)
      .when(applyChanges(defineChange('objectType', 'ot_ship', { ...shipInput, apiName: 'Boat' })))
      .thenThrows('ONTOLOGY.OBJECT_TYPE_ID_TAKEN', (e) => {
        expect(e.kind).toBe('conflict');
        expect(e.message).toBe('Object type id ot_ship is already used in this ontology');
      });
    spec.given([...shippingBase, deletedByGrace]).when(applyChanges(defineChange('objectType', 'ot_ship', shipInput))).thenThrows('ONTOLOGY.OBJECT_TYPE_ID_TAKEN');
  });

  it('refuses two changes of one entity in one command', () => {
    spec
      .given(shippingBase)
      .when(applyChanges([updateChange('objectType', 'ot_ship', 2, { description: 'one' }), updateChange('objectType', 'ot_ship', 2, { displayName: 'two' })]))
      .thenThrows('ONTOLOGY.INVALID_CHANGE', (e) =>
        expect(e.issues).toEqual([{ path: 'changes.1', rule: 'unique', message: 'changes object type ot_ship again (changes.0 already does)' }]),
      );
    spec
      .given([ontologyCreated])
      .when(applyChanges([defineChange('objectType', 'ot_ship', shipInput), defineChange('objectType', 'ot_ship', portInput)]))
      .thenThrows('ONTOLOGY.INVALID_CHANGE', (e) =>
        expect(e.issues).toEqual([{ path: 'changes.1', rule: 'unique', message: 'changes object type ot_ship again (changes.0 already does)' }]),
      );
  });
});

describe('updating with optimistic concurrency', () => {
  it('lays the patch over the current definition, keeping what it leaves out', () => {
    spec
      .given(shippingBase)
      .when(updateShip(2, { displayName: 'Sea ship', description: 'Anything that floats' }))
      .then([updatedEvent('objectType', 'ot_ship', { ...shipInput, displayName: 'Sea ship', description: 'Anything that floats' })]);
  });

  it('replaces the properties and the primary key together (a breaking change, once confirmed)', () => {
    const mmsiOnly = { properties: [{ apiName: 'mmsi', displayName: 'MMSI', dataType: 'long', required: true }], primaryKey: 'mmsi', titleKey: null };
    spec
      .given(shippingBase)
      .when(applyChanges(updateChange('objectType', 'ot_ship', 2, mmsiOnly), { acknowledgeBreakingChanges: true }))
      .then([
        updatedEvent('objectType', 'ot_ship', { ...shipInput, ...mmsiOnly }, [
          'changes the primary key from imo to mmsi',
          'removes the property "imo"',
          'removes the property "name"',
          'removes the property "tonnage"',
          'adds the required property "mmsi" without a default',
        ]),
      ]);
  });

  it('emits nothing for an update that changes nothing', () => {
    spec.given(shippingBase).when(updateShip(2, {})).then([]);
    spec.given(shippingBase).when(updateShip(2, { displayName: 'Ship' })).then([]);
  });

  it('refuses a stale version, saying who changed the entity and when', () => {
    spec
      .given([...shippingBase, editedByGrace])
      .when(updateShip(2, { description: 'mine' }))
      .thenThrows('ONTOLOGY.OBJECT_TYPE_CHANGED', (e) => {
        expect(e.kind).toBe('conflict');
        expect(e.message).toBe(`Object type Ship was changed by ${GRACE} at ${GRACE_AT} (version 4); your edit is based on version 2`);
        expect(e.context).toEqual({
          id: 'ot_ship',
          // Object types also name it objectTypeId, as clients of the first API read it.
          objectTypeId: 'ot_ship',
          kind: 'objectType',
          apiName: 'Ship',
          expectedSeq: 2,
          currentSeq: 4,
          changedBy: GRACE,
          changedAt: GRACE_AT,
          deleted: false,
        });
      });
  });

  it('checks the version before the content: a stale invalid edit is a conflict, not a validation error', () => {
    spec.given([...shippingBase, editedByGrace]).when(updateShip(2, { displayName: ' ' })).thenThrows('ONTOLOGY.OBJECT_TYPE_CHANGED');
    spec.given([...shippingBase, editedByGrace]).when(updateShip(2, { color: 'red' })).thenThrows('ONTOLOGY.OBJECT_TYPE_CHANGED');
  });

  it('compares with the entity’s own version, so a change to another entity does not make it stale', () => {
    const portEdited = updatedEvent('objectType', 'ot_port', { ...portInput, description: 'edited' });
    spec
      .given([...shippingBase, portEdited])
      .when(updateShip(2, { description: 'still mine to edit' }))
      .then([updatedEvent('objectType', 'ot_ship', { ...shipInput, description: 'still mine to edit' })]);
  });

  it('skips the version check when the caller decided against the current state (expectedSeq null)', () => {
    spec
      .given([...shippingBase, editedByGrace])
      .when(updateShip(null, { displayName: 'Vessel' }))
      .then([updatedEvent('objectType', 'ot_ship', { ...shipInput, description: 'Grace was here', displayName: 'Vessel' })]);
  });

  it('names the kind in the conflict code', () => {
    const vt = definedEvent('valueType', 'vt_code', { apiName: 'PortCode', displayName: 'Port code', baseType: 'string' });
    const vtEdited = by(updatedEvent('valueType', 'vt_code', { apiName: 'PortCode', displayName: 'Code', baseType: 'string' }), 5, GRACE, GRACE_AT);
    spec
      .given([...shippingBase, vt, vtEdited])
      .when(applyChanges(updateChange('valueType', 'vt_code', 4, { description: 'x' })))
      .thenThrows('ONTOLOGY.VALUE_TYPE_CHANGED', (e) =>
        expect(e.message).toBe(`Value type PortCode was changed by ${GRACE} at ${GRACE_AT} (version 5); your edit is based on version 4`),
      );
  });

  it('applies the same validation as define to the result', () => {
    spec
      .given(shippingBase)
      .when(updateShip(2, { displayName: '', properties: [{ apiName: 'imo', displayName: 'IMO', dataType: 'string' }], titleKey: null }))
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) => {
        expect(e.message).toBe('The object type is not valid');
        expect(e.issues).toEqual([
          { path: 'displayName', rule: 'required', message: 'must not be empty' },
          { path: 'primaryKey', rule: 'key-required', message: '"imo" must be required to be the primary key' },
        ]);
      });
  });

  it('checks the patch against the schema: unknown fields and bad values are named', () => {
    spec
      .given(shippingBase)
      .when(updateShip(2, { colour: '#ffffff' }))
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) => expect(e.issues).toEqual([{ path: '(root)', rule: 'unrecognized_keys', message: 'Unrecognized key: "colour"' }]));
    spec
      .given(shippingBase)
      .when(updateShip(2, { color: 'red' }))
      .thenThrows('ONTOLOGY.INVALID_OBJECT_TYPE', (e) => expect(e.issues).toEqual([{ path: 'color', rule: 'invalid_format', message: 'a hex colour such as #3366ff' }]));
  });

  it('answers not found for an entity that never existed', () => {
    spec
      .given(shippingBase)
      .when(applyChanges(updateChange('objectType', 'ot_9', 2, { description: 'x' })))
      .thenThrows('ONTOLOGY.OBJECT_TYPE_NOT_FOUND', (e) => {
        expect(e.kind).toBe('not_found');
        expect(e.message).toBe('There is no object type ot_9 in this ontology');
      });
    spec.given(shippingBase).when(applyChanges(deleteChange('linkType', 'lt_9', 2))).thenThrows('ONTOLOGY.LINK_TYPE_NOT_FOUND', (e) =>
      expect(e.message).toBe('There is no link type lt_9 in this ontology'),
    );
  });
});

describe('the workbench update input', () => {
  it('takes a rename: apiName may change now (refused only when referenced)', () => {
    const parsed = ZUpdateObjectTypeInput.parse({ objectTypeId: 'ot_ship', expectedSeq: 2, apiName: 'Vessel' });
    expect(parsed).toEqual({ objectTypeId: 'ot_ship', expectedSeq: 2, acknowledgeBreakingChanges: false, apiName: 'Vessel' });
  });

  it('leaves out what the client leaves out instead of resetting it to a default', () => {
    expect(ZUpdateObjectTypeInput.parse({ objectTypeId: 'ot_ship', expectedSeq: 2, description: 'x' })).toEqual({
      objectTypeId: 'ot_ship',
      expectedSeq: 2,
      acknowledgeBreakingChanges: false,
      description: 'x',
    });
  });

  it('names expectedSeq when it is missing or not a whole number', () => {
    const missing = ZUpdateObjectTypeInput.safeParse({ objectTypeId: 'ot_ship', displayName: 'Boat' });
    expect(missing.error!.issues.map((i) => [i.path, i.message])).toEqual([[['expectedSeq'], 'required: the version of the entity you last saw (its `version`)']]);
    const fractional = ZUpdateObjectTypeInput.safeParse({ objectTypeId: 'ot_ship', expectedSeq: 2.5, displayName: 'Boat' });
    expect(fractional.error!.issues.map((i) => [i.path, i.message])).toEqual([[['expectedSeq'], 'must be a whole number']]);
  });
});

describe('renaming', () => {
  it('is a breaking change: refused until confirmed, then recorded on the event', () => {
    spec
      .given(shippingBase)
      .when(updateShip(2, { apiName: 'Vessel' }))
      .thenThrows('ONTOLOGY.BREAKING_CHANGE', (e) => {
        expect(e.kind).toBe('precondition');
        expect(e.message).toBe('This change breaks existing data or clients: renames Ship to Vessel. Confirm to apply it anyway.');
        expect(e.context).toEqual({ breakingChanges: ['renames Ship to Vessel'] });
      });
    spec
      .given(shippingBase)
      .when(applyChanges(updateChange('objectType', 'ot_ship', 2, { apiName: 'Vessel' }), { acknowledgeBreakingChanges: true }))
      .then([updatedEvent('objectType', 'ot_ship', { ...shipInput, apiName: 'Vessel' }, ['renames Ship to Vessel'])]);
  });

  it('names the entity of each breaking change when a command has several', () => {
    spec
      .given(shippingBase)
      .when(applyChanges([updateChange('objectType', 'ot_ship', 2, { apiName: 'Vessel' }), updateChange('objectType', 'ot_port', 3, { apiName: 'Harbour' })]))
      .thenThrows('ONTOLOGY.BREAKING_CHANGE', (e) =>
        expect(e.context).toEqual({ breakingChanges: ['object type Vessel: renames Ship to Vessel', 'object type Harbour: renames Port to Harbour'] }),
      );
  });

  it('may swap two names in one command', () => {
    spec
      .given(shippingBase)
      .when(
        applyChanges(
          [
            updateChange('objectType', 'ot_ship', 2, { apiName: 'Port', displayName: 'Port' }),
            updateChange('objectType', 'ot_port', 3, { apiName: 'Ship', displayName: 'Ship' }),
          ],
          { acknowledgeBreakingChanges: true },
        ),
      )
      .then([
        updatedEvent('objectType', 'ot_ship', { ...shipInput, apiName: 'Port', displayName: 'Port' }, ['renames Ship to Port']),
        updatedEvent('objectType', 'ot_port', { ...portInput, apiName: 'Ship', displayName: 'Ship' }, ['renames Port to Ship']),
      ]);
  });
});

describe('deleting', () => {
  it('deletes the version the client saw and frees its apiName', () => {
    const deleted: OntologyEvent = { type: 'ObjectTypeDeleted', data: { objectTypeId: 'ot_ship', apiName: 'Ship' } };
    spec.given(shippingBase).when(deleteShip(2)).then([deleted]);
    spec
      .given([...shippingBase, deleted])
      .when(applyChanges(defineChange('objectType', 'ot_ship2', { ...shipInput, apiName: 'SHIP' })))
      .then([definedEvent('objectType', 'ot_ship2', { ...shipInput, apiName: 'SHIP' })]);
  });

  it('refuses a stale delete with the conflict context', () => {
    spec
      .given([...shippingBase, editedByGrace])
      .when(deleteShip(2))
      .thenThrows('ONTOLOGY.OBJECT_TYPE_CHANGED', (e) => expect(e.context).toMatchObject({ expectedSeq: 2, currentSeq: 4, changedBy: GRACE, deleted: false }));
  });

  it('never brings a deleted entity back: a stale edit names the delete, a current one is not found, its id stays taken', () => {
    spec
      .given([...shippingBase, deletedByGrace])
      .when(updateShip(2, { description: 'mine' }))
      .thenThrows('ONTOLOGY.OBJECT_TYPE_CHANGED', (e) => {
        expect(e.message).toBe(`Object type Ship was deleted by ${GRACE} at ${GRACE_AT} (version 4); your edit is based on version 2`);
        expect(e.context).toMatchObject({ currentSeq: 4, deleted: true, changedBy: GRACE });
      });
    spec
      .given([...shippingBase, deletedByGrace])
      .when(updateShip(4, { description: 'mine' }))
      .thenThrows('ONTOLOGY.OBJECT_TYPE_NOT_FOUND', (e) => expect(e.message).toBe('Object type Ship has been deleted'));
    spec.given([...shippingBase, deletedByGrace]).when(deleteShip(4)).thenThrows('ONTOLOGY.OBJECT_TYPE_NOT_FOUND');
    spec.given([...shippingBase, deletedByGrace]).when(updateShip(null, { description: 'mine' })).thenThrows('ONTOLOGY.OBJECT_TYPE_NOT_FOUND');
  });
});

describe('branches', () => {
  const branchCreated: OntologyEvent = {
    type: 'BranchCreated',
    data: { ontologyId: 'demo', branch: 'ideas', fromBranch: 'main', fromSeq: 3, entities: [] },
  };
  const closed: OntologyEvent = { type: 'BranchClosed', data: { reason: 'merged', proposalId: 'pr_1' } };

  it('starts a branch stream once', () => {
    spec.given([]).when({ type: 'CreateBranch', data: branchCreated.data as never }).then([branchCreated]);
    spec
      .given([branchCreated])
      .when({ type: 'CreateBranch', data: branchCreated.data as never })
      .thenThrows('ONTOLOGY.BRANCH_EXISTS', (e) => expect(e.message).toBe('Branch "ideas" already exists'));
  });

  it('takes no more changes once closed, and closes once', () => {
    spec.given([branchCreated]).when({ type: 'CloseBranch', data: closed.data as never }).then([closed]);
    spec
      .given([branchCreated, closed])
      .when(applyChanges(defineChange('objectType', 'ot_ship', shipInput)))
      .thenThrows('ONTOLOGY.BRANCH_CLOSED', (e) => expect(e.message).toBe('Branch "ideas" is closed: it was merged or abandoned'));
    spec.given([branchCreated, closed]).when({ type: 'CloseBranch', data: closed.data as never }).thenThrows('ONTOLOGY.BRANCH_CLOSED');
  });

  it('records a merge after its changes, with where each change came from', () => {
    const merge = { branch: 'ideas', branchSeq: 7, proposalId: 'pr_1' };
    spec
      .given(shippingBase)
      .when({
        type: 'ApplyChanges',
        data: { changes: [updateChange('objectType', 'ot_ship', null, { description: 'merged' })], acknowledgeBreakingChanges: false, origin: { kind: 'merge', detail: 'pr_1' }, merge },
      })
      .then([
        { type: 'ObjectTypeUpdated', data: { ...updatedEvent('objectType', 'ot_ship', { ...shipInput, description: 'merged' }).data, origin: { kind: 'merge', detail: 'pr_1' } } },
        { type: 'BranchMerged', data: { ...merge, changeCount: 1 } },
      ]);
  });
});

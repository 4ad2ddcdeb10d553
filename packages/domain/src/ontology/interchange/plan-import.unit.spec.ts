import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { ZObjectTypeDefinition, ZLinkTypeDefinition } from '../model/definitions';
import { decideOntology } from '../ontology.decide';
import { liveEntities } from '../ontology.state';
import { exportOntology } from './export-ontology';
import { importOntology } from './import-ontology';
import { applied, createdOntology } from './interchange.fixture';
import type { ImportedOntology } from './ontology-document';
import { importCommand, planImport } from './plan-import';

const ship = ZObjectTypeDefinition.parse({
  apiName: 'Ship',
  displayName: 'Ship',
  properties: [{ apiName: 'imo', displayName: 'IMO', dataType: 'string', required: true }],
  primaryKey: 'imo',
});
const port = ZObjectTypeDefinition.parse({ apiName: 'Port', displayName: 'Port' });
const crane = ZObjectTypeDefinition.parse({ apiName: 'Crane', displayName: 'Crane' });

/** An ontology holding Ship (ot_1) and Crane (ot_2). */
const existing = applied(createdOntology(), {
  type: 'ApplyChanges',
  data: {
    changes: [
      { op: 'define', kind: 'objectType', id: 'ot_1', definition: ship },
      { op: 'define', kind: 'objectType', id: 'ot_2', definition: crane },
    ],
    acknowledgeBreakingChanges: false,
    origin: { kind: 'edit' },
  },
});
const shipVersion = existing.entities.objectType.get('ot_1')!.version;
const craneVersion = existing.entities.objectType.get('ot_2')!.version;

/** Ids the existing ontology doesn't use, as the IdGenerator would give. */
const newIds = () => {
  let n = 0;
  return (kind: string) => `${kind}-new-${++n}`;
};

const imported: ImportedOntology = {
  entities: [
    // Matched without case: the import renames SHIP's case and changes its display name.
    { kind: 'objectType', definition: { ...ship, apiName: 'SHIP', displayName: 'Sea ship' } },
    { kind: 'objectType', definition: port },
  ],
};

describe('planImport', () => {
  it('defines what is new, updates only the fields that changed, and in merge mode keeps the rest', () => {
    expect(planImport(existing, imported, { mode: 'merge', newId: newIds() })).toEqual([
      { op: 'define', kind: 'objectType', id: 'objectType-new-1', definition: port },
      { op: 'update', kind: 'objectType', id: 'ot_1', expectedSeq: shipVersion, patch: { apiName: 'SHIP', displayName: 'Sea ship' } },
    ]);
  });

  it('in replace mode also deletes what the import lacks', () => {
    expect(planImport(existing, imported, { mode: 'replace', newId: newIds() }).filter((c) => c.op === 'delete')).toEqual([
      { op: 'delete', kind: 'objectType', id: 'ot_2', expectedSeq: craneVersion },
    ]);
  });

  it('plans nothing for an import of what the ontology already holds', () => {
    const same = importOntology(exportOntology(existing, 'turtle'), 'turtle');
    expect(planImport(existing, same, { mode: 'replace', newId: newIds() })).toEqual([]);
  });

  it('applied all at once, records each change as an import; a rename is breaking and needs acknowledging', () => {
    const replace = importCommand(planImport(existing, imported, { mode: 'replace', newId: newIds() }), 'jsonld', false);
    expect(() => decideOntology(replace, existing)).toThrow('object type SHIP: renames Ship to SHIP');
    const next = applied(existing, { ...replace, data: { ...replace.data, acknowledgeBreakingChanges: true } });
    expect(liveEntities(next, 'objectType').map((e) => e.definition.apiName)).toEqual(['SHIP', 'Port']);
    const events = decideOntology(importCommand(planImport(existing, imported, { mode: 'merge', newId: newIds() }), 'jsonld', true), existing);
    expect(events.map((e) => [e.type, (e.data as { origin?: unknown }).origin])).toEqual([
      ['ObjectTypeDefined', { kind: 'import', detail: 'jsonld' }],
      ['ObjectTypeUpdated', { kind: 'import', detail: 'jsonld' }],
    ]);
  });

  it('an import that is invalid as a whole is refused with every issue, and nothing is appended', () => {
    const dangling = ZLinkTypeDefinition.parse({
      apiName: 'berth',
      sourceObjectType: 'Port',
      targetObjectType: 'Quay',
      cardinality: 'one-to-many',
      forward: { apiName: 'ships', displayName: 'Ships' },
      reverse: { apiName: 'port', displayName: 'Port' },
    });
    const invalid: ImportedOntology = { entities: [...imported.entities, { kind: 'linkType', definition: dangling }] };
    const command = importCommand(planImport(existing, invalid, { mode: 'merge', newId: newIds() }), 'json', true);
    let events: unknown = 'not decided';
    let error: unknown;
    try {
      events = decideOntology(command, existing);
    } catch (e) {
      error = e;
    }
    expect(events).toBe('not decided');
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('ONTOLOGY.INVALID_CHANGE');
    expect((error as DomainError).issues).toEqual([{ path: 'linkType.berth.targetObjectType', rule: 'reference', message: 'there is no object type "Quay"' }]);
  });
});

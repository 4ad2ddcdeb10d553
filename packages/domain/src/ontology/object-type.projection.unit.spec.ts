import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../eventstore/envelope';
import { definedEvent, definition, deletedEvent, shipInput, updatedEvent } from '../testing/ontology-spec';
import { objectTypeDocId, projectObjectType, type ObjectTypeDoc } from './object-type.projection';
import { ONTOLOGY_AGGREGATE, ONTOLOGY_BRANCH_AGGREGATE, ONTOLOGY_EVENT_SCHEMA_VERSION, type OntologyEvent } from './ontology.events';

function envelopes(events: { event: OntologyEvent; actor: string; schemaVersion?: number; aggregateType?: string }[]): EventEnvelope[] {
  return events.map(({ event, actor, schemaVersion, aggregateType }, i) => ({
    eventId: `e${i + 1}`,
    commandId: `c${i + 1}`,
    aggregateType: aggregateType ?? ONTOLOGY_AGGREGATE,
    aggregateId: 'demo',
    sequenceNumber: i + 1,
    eventType: event.type,
    schemaVersion: schemaVersion ?? ONTOLOGY_EVENT_SCHEMA_VERSION,
    occurredAt: `2025-01-01T00:00:0${i + 1}.000Z`,
    actor,
    payload: event.data as Record<string, unknown>,
    metadata: { kind: 'domain', causationId: null, correlationId: `c${i + 1}` },
  }));
}

const ship = definition('objectType', shipInput);

describe('object-type projection', () => {
  it('folds define, update and delete into the document, then its removal', () => {
    const [created, defined, updated, deleted] = envelopes([
      { event: { type: 'OntologyCreated', data: { ontologyId: 'demo', displayName: 'Demo', description: '' } }, actor: 'ada' },
      { event: definedEvent('objectType', 'ot_ship', shipInput), actor: 'ada' },
      { event: updatedEvent('objectType', 'ot_ship', { ...shipInput, displayName: 'Sea ship', description: 'Floats', status: 'active' }), actor: 'grace' },
      { event: deletedEvent('objectType', 'ot_ship', shipInput), actor: 'grace' },
    ]) as [EventEnvelope, EventEnvelope, EventEnvelope, EventEnvelope];

    expect([created, defined, updated, deleted].map(objectTypeDocId)).toEqual([null, 'ot_ship', 'ot_ship', 'ot_ship']);
    const afterDefine = projectObjectType(null, defined)!;
    expect(afterDefine).toEqual<ObjectTypeDoc>({
      id: 'ot_ship',
      ontologyId: 'demo',
      apiName: 'Ship',
      displayName: 'Ship',
      description: '',
      status: 'experimental',
      properties: ship.properties,
      primaryKey: 'imo',
      version: 2,
      createdBy: 'ada',
      createdAt: defined.occurredAt,
      updatedBy: 'ada',
      updatedAt: defined.occurredAt,
    });
    const afterUpdate = projectObjectType(afterDefine, updated);
    expect(afterUpdate).toEqual<ObjectTypeDoc>({
      ...afterDefine,
      displayName: 'Sea ship',
      description: 'Floats',
      status: 'active',
      version: 3,
      updatedBy: 'grace',
      updatedAt: updated.occurredAt,
    });
    expect(projectObjectType(afterUpdate, deleted)).toBeNull();
  });

  it('reads first-version payloads: absent fields take their defaults, bare "decimal" the widest decimal', () => {
    const [v1] = envelopes([
      {
        event: {
          type: 'ObjectTypeDefined',
          data: {
            objectTypeId: 'ot_ship',
            apiName: 'Ship',
            displayName: 'Ship',
            description: '',
            status: 'experimental',
            properties: [
              { apiName: 'imo', displayName: 'IMO', dataType: 'string', required: true, description: '' },
              { apiName: 'price', displayName: 'Price', dataType: 'decimal', required: false, description: '' },
            ],
            primaryKey: 'imo',
          },
        },
        actor: 'ada',
        schemaVersion: 1,
      },
    ]) as [EventEnvelope];
    expect(projectObjectType(null, v1)!.properties).toEqual([
      definition('objectType', { apiName: 'X', displayName: 'X', properties: [{ apiName: 'imo', displayName: 'IMO', dataType: 'string', required: true }] }).properties[0],
      expect.objectContaining({ apiName: 'price', dataType: { type: 'decimal', precision: 38, scale: 18 }, constraints: {}, sharedPropertyType: null }),
    ]);
  });

  it('ignores an update of a document it never saw, and everything on branches', () => {
    const [updated] = envelopes([{ event: updatedEvent('objectType', 'ot_ship', shipInput), actor: 'ada' }]) as [EventEnvelope];
    expect(projectObjectType(null, updated)).toBeNull();
    const [onBranch] = envelopes([{ event: definedEvent('objectType', 'ot_ship', shipInput), actor: 'ada', aggregateType: ONTOLOGY_BRANCH_AGGREGATE }]) as [EventEnvelope];
    expect(objectTypeDocId(onBranch)).toBeNull();
    expect(projectObjectType(null, onBranch)).toBeNull();
  });

  it('leaves the document alone for events of other kinds', () => {
    const [defined, linkDefined] = envelopes([
      { event: definedEvent('objectType', 'ot_ship', shipInput), actor: 'ada' },
      {
        event: definedEvent('linkType', 'lt_1', {
          apiName: 'escorts',
          sourceObjectType: 'Ship',
          targetObjectType: 'Ship',
          cardinality: 'one-to-many',
          forward: { apiName: 'escorts', displayName: 'Escorts' },
          reverse: { apiName: 'escortedBy', displayName: 'Escorted by' },
        }),
        actor: 'ada',
      },
    ]) as [EventEnvelope, EventEnvelope];
    const doc = projectObjectType(null, defined);
    expect(objectTypeDocId(linkDefined)).toBeNull();
    expect(projectObjectType(doc, linkDefined)).toBe(doc);
  });
});

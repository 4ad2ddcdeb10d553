import { ONTOLOGY_AGGREGATE, ONTOLOGY_EVENT_SCHEMA_VERSION, type EventStore, type PendingEvent } from '@spice/domain';

export const actor = { id: 'outage-tester@spice.local' };

export function objectTypeInput(apiName: string) {
  return {
    apiName,
    displayName: `${apiName} type`,
    description: `Defined by the outage tests as ${apiName}`,
    properties: [{ apiName: 'code', displayName: 'Code', dataType: 'string', required: true }],
    primaryKey: 'code',
  };
}

/** Events as the ontology decider emits them, for tests that append straight to the store. */
const ontologyEvents = {
  created(ontologyId: string): PendingEvent {
    return { eventType: 'OntologyCreated', schemaVersion: ONTOLOGY_EVENT_SCHEMA_VERSION, payload: { ontologyId, displayName: ontologyId, description: '' } };
  },
  objectTypeDefined(objectTypeId: string, apiName: string): PendingEvent {
    const { displayName, description, properties, primaryKey } = objectTypeInput(apiName);
    return {
      eventType: 'ObjectTypeDefined',
      schemaVersion: ONTOLOGY_EVENT_SCHEMA_VERSION,
      payload: { objectTypeId, apiName, displayName, description, status: 'experimental', properties: properties.map((p) => ({ ...p, description: '' })), primaryKey },
    };
  },
};

/**
 * Appends a whole ontology stream straight into the store (no commands): an OntologyCreated event and then
 * object-type definitions, `perAppend` events per append. Returns the stream's last sequence number.
 */
export async function appendOntologyStream(events: EventStore, ontologyId: string, count: number, perAppend: number): Promise<number> {
  const stream = [
    ontologyEvents.created(ontologyId),
    ...Array.from({ length: count - 1 }, (_, i) => ontologyEvents.objectTypeDefined(`ot_${ontologyId}_${i}`, `Type${i}`)),
  ];
  for (let seq = 0; seq < stream.length; seq += perAppend) {
    await events.append({
      aggregateType: ONTOLOGY_AGGREGATE,
      aggregateId: ontologyId,
      expectedSeq: seq,
      events: stream.slice(seq, seq + perAppend),
      context: { commandId: `${ontologyId}-append-${seq / perAppend}`, actor: actor.id },
    });
  }
  return stream.length;
}

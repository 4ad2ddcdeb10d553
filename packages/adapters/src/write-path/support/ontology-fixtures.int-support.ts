import { ONTOLOGY_AGGREGATE, type EventEnvelope } from '@spice/domain';
import type { System } from '../../composition/composition-root';

const actor = { id: 'write-path-tester@spice.local' };

export interface SeedShape {
  readonly ontologies: number;
  readonly objectTypesEach: number;
  /** Object types per ontology redefined after all were defined (their fold depends on event order). */
  readonly updatesEach?: number;
  /** Object types per ontology deleted at the end (read-model row and search document removed). */
  readonly deletesEach?: number;
}

export interface Seeded {
  readonly ontologyIds: string[];
  /** Every event of the seeded ontologies, stream by stream in sequence order. */
  readonly events: EventEnvelope[];
}

/**
 * Appends object-type definitions (and some updates and deletes) across several ontologies through the
 * command path (OntologyService), ontologies interleaved so the ledger mixes their streams.
 */
export async function seedOntologies(system: System, prefix: string, shape: SeedShape): Promise<Seeded> {
  const ontologyIds = Array.from({ length: shape.ontologies }, (_, i) => `${prefix}-o${i}`);
  for (const ontologyId of ontologyIds) {
    await system.ontology.createOntology({ ontologyId, displayName: `Write path ${ontologyId}` }, actor);
  }
  for (let t = 0; t < shape.objectTypesEach; t++) {
    for (const ontologyId of ontologyIds) {
      await system.ontology.defineObjectType(
        ontologyId,
        {
          apiName: `Thing${t}`,
          displayName: `Thing ${t}`,
          description: `object type ${t} of ${ontologyId}`,
          properties: [{ apiName: 'code', displayName: 'Code', dataType: 'string', required: true }],
          primaryKey: 'code',
        },
        actor,
      );
    }
  }
  for (const ontologyId of ontologyIds) {
    const defined = (await streamOf(system, ontologyId)).filter((e) => e.eventType === 'ObjectTypeDefined');
    for (const event of defined.slice(0, shape.updatesEach ?? 0)) {
      const objectTypeId = String(event.payload.objectTypeId);
      await system.ontology.updateObjectType(
        ontologyId,
        {
          objectTypeId,
          expectedSeq: event.sequenceNumber,
          displayName: `${event.payload.displayName} (renamed)`,
        },
        actor,
      );
    }
    const deleted = shape.deletesEach ? defined.slice(-shape.deletesEach) : [];
    for (const event of deleted) {
      const [last] = (await streamOf(system, ontologyId))
        .filter((e) => e.payload.objectTypeId === event.payload.objectTypeId)
        .slice(-1);
      await system.ontology.deleteObjectType(
        ontologyId,
        { objectTypeId: event.payload.objectTypeId, expectedSeq: last!.sequenceNumber },
        actor,
      );
    }
  }
  const events = (await Promise.all(ontologyIds.map((id) => streamOf(system, id)))).flat();
  return { ontologyIds, events };
}

export function streamOf(system: System, ontologyId: string): Promise<EventEnvelope[]> {
  return system.events.readStream(ONTOLOGY_AGGREGATE, ontologyId);
}

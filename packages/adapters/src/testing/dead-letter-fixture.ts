import {
  EVENTS_TOPIC,
  IdempotentConsumer,
  ONTOLOGY_AGGREGATE,
  ObjectTypeProjector,
  eventMessage,
  unavailable,
  type DeadLetter,
  type SearchIndex,
} from '@spice/domain';
import { PgObjectTypeReadModel } from '@spice/db';
import type { System } from '../composition/composition-root';

const OUTAGE = 'search index unreachable (simulated outage while seeding dead letters)';

/** A search index that is down: every write fails, as a real outage would make it. */
const searchOutage: Pick<SearchIndex, 'ensureIndex' | 'index' | 'delete' | 'bulk'> = {
  ensureIndex: async () => undefined,
  index: async () => {
    throw unavailable('SEARCH.UNAVAILABLE', OUTAGE);
  },
  delete: async () => {
    throw unavailable('SEARCH.UNAVAILABLE', OUTAGE);
  },
  bulk: async () => {
    throw unavailable('SEARCH.UNAVAILABLE', OUTAGE);
  },
};

/**
 * Real dead letters of the object-type projection, for tests and the e2e journey. The ontology and its object
 * types are written through the OntologyService; each event is then handed, as the bus would hand it, to the
 * real IdempotentConsumer running the real ObjectTypeProjector over the real read model and registry, while
 * the search index is down. The consumer retries, gives up and dead-letters the first object type, and the
 * later ones queue behind it. Run it while no workers consume this system's events topic: a consumer with a
 * working search index would apply the events first.
 */
export async function seedDeadLetters(
  system: System,
  options: { ontologyId: string; objectTypes: readonly string[]; actor?: string },
): Promise<DeadLetter[]> {
  const actor = { id: options.actor ?? 'dead-letter-fixture@spice.local' };
  await system.ontology.createOntology({ ontologyId: options.ontologyId, displayName: `Dead letters ${options.ontologyId}` }, actor);
  for (const apiName of options.objectTypes) {
    await system.ontology.defineObjectType(
      options.ontologyId,
      {
        apiName,
        displayName: `${apiName} (seeded)`,
        description: `Defined while the search index was down`,
        properties: [
          { apiName: 'code', displayName: 'Code', dataType: 'string', required: true },
          { apiName: 'builtOn', displayName: 'Built on', dataType: 'date' },
        ],
        primaryKey: 'code',
      },
      actor,
    );
  }
  const projector = new ObjectTypeProjector(new PgObjectTypeReadModel(system.relational.db), searchOutage);
  const consumer = new IdempotentConsumer(
    projector,
    { events: system.events, registry: system.registry, bus: system.bus },
    { leaseMs: 30_000, maxAttempts: 3, backoff: { baseMs: 10, maxMs: 40 } },
  );
  const events = await system.events.readStream(ONTOLOGY_AGGREGATE, options.ontologyId);
  for (const [offset, event] of events.entries()) {
    const message = { ...eventMessage(event), topic: EVENTS_TOPIC, partition: 0, offset: String(offset) };
    // A failed attempt throws, and the bus would hand the message over again: so do we, until it is settled.
    for (;;) {
      try {
        await consumer.handleMessage(message);
        break;
      } catch (e) {
        if (!(e instanceof Error) || !e.message.includes(OUTAGE)) throw e;
      }
    }
  }
  const dead = (await system.registry.deadLetters(projector.name)).filter((d) => d.aggregateId === options.ontologyId);
  if (dead.length !== options.objectTypes.length) {
    throw new Error(`expected ${options.objectTypes.length} dead letters for ${options.ontologyId}, found ${dead.length}: did running workers apply the events first?`);
  }
  return dead;
}

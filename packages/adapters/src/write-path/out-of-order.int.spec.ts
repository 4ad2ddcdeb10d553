import { expect, it } from 'vitest';
import {
  IdempotentConsumer,
  ObjectTypeProjector,
  type EventEnvelope,
  type IncomingMessage,
} from '@spice/domain';
import { PgObjectTypeReadModel } from '@spice/db';
import { expectReadModelsMatchEventStore, expectedObjectTypes } from '../testing/read-model-oracle';
import { forEachStack } from './support/test-stacks.int-support';
import { seedOntologies } from './support/ontology-fixtures.int-support';
import { countingProjection, exactlyOnce, only } from './support/counting-projection.int-support';
import { expectEveryEventAppliedOnce } from './support/registry-checks.int-support';

/**
 * Must-pass 4: the consumer is handed the events of several streams shuffled, with repeats, and with some
 * events never delivered at all. Stale events must be ignored, the withheld ones read back from the event
 * store when a later one shows the gap, and the result must be the state of an in-order fold.
 */
forEachStack('shuffled sequence numbers and injected gaps', (stack) => {
  it('ignores stale events, fills gaps from the event store and ends in the in-order state', async () => {
    const system = await stack.open();
    const seeded = await seedOntologies(system, `oo-${stack.run}`, {
      ontologies: 4,
      objectTypesEach: 5,
      updatesEach: 3,
      deletesEach: 1,
    });
    const random = seededRandom(20240607);

    // Withhold about a third of each stream's events, never its last: a later event must reveal every gap.
    const withheld = new Set(
      seeded.ontologyIds.flatMap((id) => {
        const stream = seeded.events.filter((e) => e.aggregateId === id);
        return stream
          .slice(0, -1)
          .filter(() => random() < 0.35)
          .map((e) => e.eventId);
      }),
    );
    const delivered = seeded.events.filter((e) => !withheld.has(e.eventId));
    const deliveries = shuffle([...delivered, ...delivered.filter(() => random() < 0.3)], random);
    expect(withheld.size, 'the test withholds some events').toBeGreaterThan(3);
    expect(isInStreamOrder(deliveries), 'the deliveries are out of order').toBe(false);

    const counts = countingProjection();
    const ports = counts.ports({
      readModel: new PgObjectTypeReadModel(system.relational.db),
      search: system.search,
      registry: system.registry,
    });
    const projector = new ObjectTypeProjector(ports.readModel, ports.search);
    await projector.init();
    const consumer = new IdempotentConsumer(counts.handler(projector), {
      events: system.events,
      registry: ports.registry,
      bus: system.bus,
    });
    for (const [offset, event] of deliveries.entries())
      await consumer.handleMessage(messageOf(event, offset));

    const expected = exactlyOnce(seeded.events);
    expect(
      only(counts.applied, Object.keys(expected.perEvent)),
      'each event applied once, withheld ones included',
    ).toEqual(expected.perEvent);
    expect(only(counts.committed, Object.keys(expected.perEvent)), 'read-model commits per event').toEqual(
      expected.perEvent,
    );
    expect(
      only(counts.searchWrites, Object.keys(expected.perDoc)),
      'search-index writes per document',
    ).toEqual(expected.perDoc);
    // The in-order state is the fold of each stream in sequence order: the oracle computes exactly that.
    const inOrder = await expectedObjectTypes(system, seeded.ontologyIds);
    expect(
      [...inOrder.values()].flat().some((doc) => doc.displayName.endsWith('(renamed)')),
      'updates are part of the fold',
    ).toBe(true);
    await expectReadModelsMatchEventStore(system, seeded.ontologyIds);
    await expectEveryEventAppliedOnce(system);
  });
});

function messageOf(event: EventEnvelope, offset: number): IncomingMessage {
  return {
    topic: 'spice.events',
    partition: 0,
    offset: String(offset),
    key: event.aggregateId,
    value: JSON.stringify(event),
    headers: { eventType: event.eventType, eventId: event.eventId },
  };
}

function isInStreamOrder(events: readonly EventEnvelope[]): boolean {
  const last = new Map<string, number>();
  for (const e of events) {
    if ((last.get(e.aggregateId) ?? 0) >= e.sequenceNumber) return false;
    last.set(e.aggregateId, e.sequenceNumber);
  }
  return true;
}

/** A fixed-seed generator (mulberry32): the same shuffle on every run, so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

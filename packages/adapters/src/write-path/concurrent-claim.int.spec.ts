import { expect, it } from 'vitest';
import {
  IdempotentConsumer,
  ObjectTypeProjector,
  isDomainError,
  type ClaimOutcome,
  type EventEnvelope,
} from '@spice/domain';
import { PgObjectTypeReadModel } from '@spice/db';
import type { System } from '../composition/composition-root';
import { expectReadModelsMatchEventStore } from '../testing/read-model-oracle';
import { forEachStack } from './support/test-stacks.int-support';
import { seedOntologies } from './support/ontology-fixtures.int-support';
import { countingProjection, exactlyOnce } from './support/counting-projection.int-support';
import { expectEveryEventAppliedOnce } from './support/registry-checks.int-support';
import { boundMethods } from './support/bound-methods.int-support';

/**
 * Must-pass 5: two consumers of the same projection are handed the same event at the same moment. On the
 * real stack they are two systems (two connection pools, two registries) over one database, as two workers
 * processes would be; embedded PGlite is single-process, so there both consumers share the one process.
 */
forEachStack('the same event delivered to two consumers at once', (stack) => {
  it('lets exactly one claim win, so each side effect happens once', async () => {
    const systemA = await stack.open();
    const systemB = stack.kind === 'real' ? await stack.open() : systemA;
    const seeded = await seedOntologies(systemA, `cc-${stack.run}`, {
      ontologies: 4,
      objectTypesEach: 5,
      updatesEach: 2,
      deletesEach: 1,
    });
    const a = await contender(systemA);
    const b = await contender(systemB);

    // Half the streams event by event, both consumers at once on each event.
    const [stepwise, gapFilled] = [seeded.ontologyIds.slice(0, 2), seeded.ontologyIds.slice(2)];
    for (const event of seeded.events.filter((e) => stepwise.includes(e.aggregateId))) {
      await deliverToBoth(a, b, event);
    }
    // The other half: only each stream's last event, so both consumers fill the same gap concurrently.
    for (const id of gapFilled) {
      await deliverToBoth(a, b, seeded.events.filter((e) => e.aggregateId === id).at(-1)!);
    }

    const expected = exactlyOnce(seeded.events);
    const wins = sumCounts(a.claimed, b.claimed);
    expect(pick(wins, seeded.events), 'claims won per event (both consumers)').toEqual(expected.perEvent);
    expect(pick(sumCounts(a.counts.applied, b.counts.applied), seeded.events), 'applies per event').toEqual(
      expected.perEvent,
    );
    expect(
      pick(sumCounts(a.counts.committed, b.counts.committed), seeded.events),
      'read-model commits per event',
    ).toEqual(expected.perEvent);
    expect(
      Object.fromEntries(sumCounts(a.counts.searchWrites, b.counts.searchWrites)),
      'search writes per document',
    ).toEqual(expected.perDoc);
    const contested = seeded.events.filter((e) => a.refused.has(e.eventId) || b.refused.has(e.eventId));
    expect(
      contested.length,
      'events whose claim the losing consumer asked for and was refused',
    ).toBeGreaterThan(0);
    await expectReadModelsMatchEventStore(systemA, seeded.ontologyIds);
    await expectEveryEventAppliedOnce(systemA);
  });
});

interface Contender {
  readonly consumer: IdempotentConsumer;
  readonly counts: ReturnType<typeof countingProjection>;
  readonly claimed: Map<string, number>;
  readonly refused: Map<string, ClaimOutcome>;
}

async function contender(system: System): Promise<Contender> {
  const counts = countingProjection();
  const claimed = new Map<string, number>();
  const refused = new Map<string, ClaimOutcome>();
  const ports = counts.ports({
    readModel: new PgObjectTypeReadModel(system.relational.db),
    search: system.search,
    registry: system.registry,
  });
  const registry = {
    ...boundMethods(ports.registry),
    claim: async (handler: string, event: EventEnvelope, leaseMs: number) => {
      const outcome = await ports.registry.claim(handler, event, leaseMs);
      if (outcome === 'claimed') claimed.set(event.eventId, (claimed.get(event.eventId) ?? 0) + 1);
      else refused.set(event.eventId, outcome);
      return outcome;
    },
  };
  const projector = new ObjectTypeProjector(ports.readModel, ports.search);
  await projector.init();
  return {
    consumer: new IdempotentConsumer(counts.handler(projector), {
      events: system.events,
      registry,
      bus: system.bus,
    }),
    counts,
    claimed,
    refused,
  };
}

/**
 * Hands one event's message to both consumers in the same tick. A consumer that finds the claim held by the
 * other fails with CONSUMER.CLAIM_BUSY, and the bus would deliver the message to it again: so does this, until
 * both have handled it (by then the event is done and the repeat is skipped).
 */
async function deliverToBoth(a: Contender, b: Contender, event: EventEnvelope): Promise<void> {
  const message = {
    topic: 'spice.events',
    partition: 0,
    offset: '0',
    key: event.aggregateId,
    value: JSON.stringify(event),
    headers: { eventId: event.eventId },
  };
  const untilHandled = async (c: Contender) => {
    for (;;) {
      try {
        return await c.consumer.handleMessage(message);
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'CONSUMER.CLAIM_BUSY') throw e;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  await Promise.all([untilHandled(a), untilHandled(b)]);
}

function sumCounts(x: Map<string, number>, y: Map<string, number>): Map<string, number> {
  const out = new Map(x);
  for (const [k, v] of y) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}

function pick(counts: Map<string, number>, events: readonly EventEnvelope[]): Record<string, number> {
  return Object.fromEntries(events.map((e) => [e.eventId, counts.get(e.eventId) ?? 0]));
}

import { expect, it } from 'vitest';
import {
  DeadLetterService,
  eventMessage,
  IdempotentConsumer,
  isDomainError,
  ObjectTypeProjector,
  OBJECT_TYPE_PROJECTION,
  CLAIM_BUSY,
  type ConsumerHandler,
  type ConsumerPolicy,
  type EventEnvelope,
  type IncomingMessage,
  type ObjectTypeReadModel,
} from '@spice/domain';
import { PgObjectTypeReadModel } from '@spice/db';
import type { System } from '../composition/composition-root';
import { eventuallyReadModelsMatch, expectReadModelsMatchEventStore } from '../testing/read-model-oracle';
import { forEachStack } from './support/test-stacks.int-support';
import { seedOntologies } from './support/ontology-fixtures.int-support';
import { expectEveryEventAppliedOnce } from './support/registry-checks.int-support';
import { boundMethods } from './support/bound-methods.int-support';

const POLICY: ConsumerPolicy = { leaseMs: 30_000, maxAttempts: 3, backoff: { baseMs: 20, maxMs: 80 } };

/**
 * The projection as the workers run it: batch subscriptions hand the consumer many messages at once
 * (`handleBatch`), which claims them in one statement and has the projector apply them in one bulk search
 * write and one read-model transaction. The must-pass properties hold for batches too: shuffled, repeated and
 * gapped deliveries end in the in-order state with every event applied once; a failing event is retried and
 * dead-lettered on its own while the rest of its batch is applied; two consumers handed the same batch apply
 * each event once.
 */
forEachStack('the batched projection (handleBatch, as the workers run it)', (stack) => {
  it('applies shuffled, repeated and gapped batches in one go each, exactly once, ending in the in-order state', async () => {
    const system = await stack.open();
    const seeded = await seedOntologies(system, `bp-${stack.run}`, { ontologies: 4, objectTypesEach: 6, updatesEach: 3, deletesEach: 2 });
    const random = seededRandom(20261125);
    const withheld = new Set(
      seeded.ontologyIds.flatMap((id) =>
        seeded.events
          .filter((e) => e.aggregateId === id)
          .slice(0, -1)
          .filter(() => random() < 0.3)
          .map((e) => e.eventId),
      ),
    );
    const delivered = seeded.events.filter((e) => !withheld.has(e.eventId));
    const deliveries = shuffle([...delivered, ...delivered.filter(() => random() < 0.3)], random);
    expect(withheld.size, 'the test withholds some events').toBeGreaterThan(3);

    const counted = countingProjector(system);
    await counted.projector.init();
    const consumer = new IdempotentConsumer(counted.handler, { events: system.events, registry: system.registry, bus: system.bus });
    for (const batch of randomBatches(deliveries, random, 12)) await consumer.handleBatch(messagesOf(batch));

    const everyOnce = Object.fromEntries(seeded.events.map((e) => [e.eventId, 1]));
    expect(pick(counted.committed, seeded.events), 'read-model commits per event').toEqual(everyOnce);
    expect(pick(counted.appliedInBatches, seeded.events), 'events applied through applyBatch').toEqual(everyOnce);
    expect(counted.appliedOneByOne, 'no batch fell back to one event at a time').toEqual([]);
    expect(Math.max(...counted.batchSizes), 'batches of more than one event were applied at once').toBeGreaterThan(1);
    await expectReadModelsMatchEventStore(system, seeded.ontologyIds);
    await expectEveryEventAppliedOnce(system);
  });

  it('retries a failing event on its own, dead-letters it with its stream queued behind, applies the rest, and re-drives', async () => {
    const system = await stack.open();
    const seeded = await seedOntologies(system, `bp-dl-${stack.run}`, { ontologies: 3, objectTypesEach: 4 });
    const [poisoned, ...healthy] = seeded.ontologyIds as [string, ...string[]];
    const stream = seeded.events.filter((e) => e.aggregateId === poisoned);
    const poison = stream.find((e) => e.eventType === 'ObjectTypeDefined')!;
    const behind = stream.filter((e) => e.sequenceNumber > poison.sequenceNumber);

    const counted = countingProjector(system, (e) => e.eventId === poison.eventId);
    await counted.projector.init();
    const consumer = new IdempotentConsumer(counted.handler, { events: system.events, registry: system.registry, bus: system.bus }, POLICY);
    // In ledger order, streams interleaved, as the relay publishes them; each batch handed over again while it fails, as the bus does.
    const inLedgerOrder = interleave(seeded.ontologyIds.map((id) => seeded.events.filter((e) => e.aggregateId === id)));
    let redeliveries = 0;
    for (const batch of chunks(inLedgerOrder, 5)) {
      for (;;) {
        try {
          await consumer.handleBatch(messagesOf(batch));
          break;
        } catch {
          redeliveries += 1;
        }
      }
    }

    expect(counted.attempts(poison.eventId), 'the poison event was tried maxAttempts times').toBe(POLICY.maxAttempts);
    expect(redeliveries, 'each failed attempt but the last had its batch delivered again').toBe(POLICY.maxAttempts - 1);
    const dead = await system.registry.deadLetters(OBJECT_TYPE_PROJECTION);
    expect(dead.map((d) => d.eventId)).toEqual([poison, ...behind].map((e) => e.eventId));
    expect(dead[0]).toMatchObject({ attempts: POLICY.maxAttempts, lastError: `injected failure for ${poison.eventId}` });
    for (const d of dead.slice(1)) expect(d.lastError).toBe(`blocked behind dead-lettered event ${poison.eventId}`);
    const done = seeded.events.filter((e) => e.aggregateId !== poisoned || e.sequenceNumber < poison.sequenceNumber);
    expect(pick(counted.committed, done), 'every other event committed once').toEqual(Object.fromEntries(done.map((e) => [e.eventId, 1])));
    await expectReadModelsMatchEventStore(system, healthy);

    // The fault is fixed; an operator re-drives, and the bus hands the stream to the batch subscription again.
    counted.heal();
    await system.bus.ensureTopic(stack.topic, { partitions: 4 });
    const subscription = await system.bus.subscribe({
      topic: stack.topic,
      groupId: stack.groupId,
      handleBatch: (messages) => consumer.handleBatch(messages),
    });
    try {
      const deadLetters = new DeadLetterService({ registry: system.registry, events: system.events, bus: system.bus }, stack.topic);
      expect((await deadLetters.redrive(OBJECT_TYPE_PROJECTION, poison.eventId)).map((d) => d.eventId)).toEqual(dead.map((d) => d.eventId));
      await eventuallyReadModelsMatch(system, seeded.ontologyIds);
    } finally {
      await subscription.stop();
    }
    expect(await system.registry.deadLetters(OBJECT_TYPE_PROJECTION)).toEqual([]);
    expect(pick(counted.committed, seeded.events), 'every event committed once in the end').toEqual(
      Object.fromEntries(seeded.events.map((e) => [e.eventId, 1])),
    );
    await expectEveryEventAppliedOnce(system);
  });

  it('lets two consumers handed the same batches at once apply each event exactly once', async () => {
    const systemA = await stack.open();
    const systemB = stack.kind === 'real' ? await stack.open() : systemA;
    const seeded = await seedOntologies(systemA, `bp-cc-${stack.run}`, { ontologies: 4, objectTypesEach: 5, updatesEach: 2, deletesEach: 1 });
    const a = countingProjector(systemA);
    const b = countingProjector(systemB);
    await a.projector.init();
    const consumerA = new IdempotentConsumer(a.handler, { events: systemA.events, registry: systemA.registry, bus: systemA.bus });
    const consumerB = new IdempotentConsumer(b.handler, { events: systemB.events, registry: systemB.registry, bus: systemB.bus });

    const [stepwise, gapped] = [seeded.ontologyIds.slice(0, 2), seeded.ontologyIds.slice(2)];
    const batches = [
      ...chunks(interleave(stepwise.map((id) => seeded.events.filter((e) => e.aggregateId === id))), 6),
      // Only each stream's last event: both consumers fill the same gaps from the store at once.
      gapped.map((id) => seeded.events.filter((e) => e.aggregateId === id).at(-1)!),
    ];
    let busy = 0;
    const untilHandled = async (consumer: IdempotentConsumer, batch: readonly EventEnvelope[]) => {
      for (;;) {
        try {
          return await consumer.handleBatch(messagesOf(batch));
        } catch (e) {
          if (!isDomainError(e) || e.code !== CLAIM_BUSY) throw e;
          busy += 1;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    for (const batch of batches) await Promise.all([untilHandled(consumerA, batch), untilHandled(consumerB, batch)]);

    const both = new Map(seeded.events.map((e) => [e.eventId, (a.committed.get(e.eventId) ?? 0) + (b.committed.get(e.eventId) ?? 0)]));
    expect(Object.fromEntries(both), 'commits per event, both consumers').toEqual(Object.fromEntries(seeded.events.map((e) => [e.eventId, 1])));
    expect(busy, 'the consumers did meet each other on claims').toBeGreaterThan(0);
    await expectReadModelsMatchEventStore(systemA, seeded.ontologyIds);
    await expectEveryEventAppliedOnce(systemA);
  });
});

/**
 * The real projector over the real read model and search index, counting commits per event and how each
 * event was applied (in a batch or one at a time). `failing` makes both paths throw for an event, as a bug
 * in the projection would, until `heal` is called.
 */
function countingProjector(system: System, failing: (event: EventEnvelope) => boolean = () => false) {
  const committed = new Map<string, number>();
  const appliedInBatches = new Map<string, number>();
  const appliedOneByOne: string[] = [];
  const tried = new Map<string, number>();
  const batchSizes: number[] = [];
  const bump = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
  let healed = false;
  const fails = (e: EventEnvelope) => !healed && failing(e);
  const base = new PgObjectTypeReadModel(system.relational.db);
  const readModel: ObjectTypeReadModel = {
    ...boundMethods(base),
    commit: async (handler, event, doc) => {
      await base.commit(handler, event, doc);
      bump(committed, event.eventId);
    },
    commitBatch: async (handler, changes) => {
      await base.commitBatch(handler, changes);
      for (const c of changes) bump(committed, c.event.eventId);
    },
  };
  const projector = new ObjectTypeProjector(readModel, system.search);
  const handler: ConsumerHandler = {
    name: projector.name,
    accepts: (e) => projector.accepts(e),
    apply: async (e) => {
      bump(tried, e.eventId);
      if (fails(e)) throw new Error(`injected failure for ${e.eventId}`);
      await projector.apply(e);
      appliedOneByOne.push(e.eventId);
    },
    applyBatch: async (events) => {
      if (events.some(fails)) throw new Error('injected failure in a batch');
      await projector.applyBatch(events);
      batchSizes.push(events.length);
      for (const e of events) bump(appliedInBatches, e.eventId);
    },
  };
  return {
    projector,
    handler,
    committed,
    appliedInBatches,
    appliedOneByOne,
    batchSizes,
    attempts: (eventId: string) => tried.get(eventId) ?? 0,
    heal: () => (healed = true),
  };
}

function messagesOf(events: readonly EventEnvelope[]): IncomingMessage[] {
  return events.map((e, offset) => ({ ...eventMessage(e), topic: 'spice.events', partition: 0, offset: String(offset) }));
}

function pick(counts: Map<string, number>, events: readonly EventEnvelope[]): Record<string, number> {
  return Object.fromEntries(events.map((e) => [e.eventId, counts.get(e.eventId) ?? 0]));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function randomBatches<T>(items: readonly T[], random: () => number, maxSize: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; ) {
    const size = 1 + Math.floor(random() * maxSize);
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

/** One event of each stream in turn, as a ledger written by interleaved commands holds them. */
function interleave<T>(streams: readonly (readonly T[])[]): T[] {
  const longest = Math.max(...streams.map((s) => s.length));
  return Array.from({ length: longest }, (_, i) => streams.flatMap((s) => (i < s.length ? [s[i]!] : []))).flat();
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

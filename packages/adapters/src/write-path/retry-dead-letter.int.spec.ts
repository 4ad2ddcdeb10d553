import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backoffDelay,
  DeadLetterService,
  ONTOLOGY_AGGREGATE,
  OBJECT_TYPE_PROJECTION,
  type ConsumerPolicy,
  type EventEnvelope,
  type IncomingMessage,
  type Relay,
  type Subscription,
} from '@spice/domain';
import { createSystem, type System } from '../composition/composition-root';
import { createLogger } from '../logging/logger';
import { eventuallyReadModelsMatch, expectReadModelsMatchEventStore } from '../testing/read-model-oracle';
import { watchDeadLetterTopic } from './outage-support/dead-letter-topic.int-support';
import { FlakyHandler } from './outage-support/flaky-handler.int-support';
import { actor, objectTypeInput } from './outage-support/ontology-fixtures.int-support';
import { EMBEDDED, REAL, uniqueName, type StackUnderTest, type TestBed } from './outage-support/stacks.int-support';
import { eventually } from './outage-support/timing.int-support';
import { objectTypeProjector, startProjection, startRelay } from './outage-support/workers.int-support';

/** Four attempts 500, 1000 and 2000 ms apart, then the dead-letter topic: each step of the backoff is
 * well above the bus's own redelivery jitter (a Kafka refetch), so the growth is visible in the gaps. */
const POLICY: ConsumerPolicy = { leaseMs: 5_000, maxAttempts: 4, backoff: { baseMs: 500, maxMs: 4_000 } };
const DOOMED = 'Doomed';

function retryThenDeadLetterThenRedrive(stack: StackUnderTest) {
  describe(`must-pass 6: a failing handler is retried with backoff, dead-lettered, then re-driven: ${stack.name}`, () => {
    let system: System;
    let bed: TestBed | undefined;
    let flaky: FlakyHandler;
    let relay: Relay | undefined;
    let projection: Subscription | undefined;
    let deadLetterTopic: { messages: IncomingMessage[]; subscription: Subscription } | undefined;

    beforeAll(async () => {
      bed = await stack.prepare();
      system = await createSystem(bed.config, createLogger('error'));
      flaky = new FlakyHandler(objectTypeProjector(system));
      deadLetterTopic = await watchDeadLetterTopic(system.bus);
      projection = await startProjection(system, bed.route, flaky, POLICY);
      relay = await startRelay(system, bed.route);
    });
    afterAll(async () => {
      await relay?.stop();
      await projection?.stop();
      await deadLetterTopic?.subscription.stop();
      await system?.stop();
      await bed?.cleanup();
    });

    it('retries with growing delays, dead-letters the event and the rest of its stream, lets other streams flow, and re-drives each event exactly once', async () => {
      const [blocked, alsoBlocked, flowing] = ['dl-blocked', 'dl-also-blocked', 'dl-flowing'].map(uniqueName) as [string, string, string];
      flaky.failing = (e) => e.eventType === 'ObjectTypeDefined' && e.payload.apiName === DOOMED;

      for (const id of [blocked, alsoBlocked, flowing]) await system.ontology.createOntology({ ontologyId: id, displayName: id }, actor);
      for (const apiName of [DOOMED, 'AfterOne', 'AfterTwo']) await system.ontology.defineObjectType(blocked, objectTypeInput(apiName), actor);
      for (const apiName of ['FreeOne', 'FreeTwo']) await system.ontology.defineObjectType(flowing, objectTypeInput(apiName), actor);
      const ours = (d: { aggregateId: string }) => d.aggregateId === blocked || d.aggregateId === alsoBlocked || d.aggregateId === flowing;
      const deadCount = async () => (await system.registry.deadLetters(OBJECT_TYPE_PROJECTION)).filter(ours).length;
      await eventually(async () => (await deadCount()) === 3, 'the first stream dead-lettered');
      // The second failing stream starts only now: the consumer works its partitions one message at a time, so
      // two streams retrying at once would stretch each other's gaps and hide the backoff being measured.
      for (const apiName of [DOOMED, 'AfterOne']) await system.ontology.defineObjectType(alsoBlocked, objectTypeInput(apiName), actor);

      const streamOf = (id: string) => system.events.readStream(ONTOLOGY_AGGREGATE, id);
      const [, doomed, afterOne, afterTwo] = await streamOf(blocked);
      const [, alsoDoomed, alsoAfterOne] = await streamOf(alsoBlocked);
      const expectedDead = [doomed!, afterOne!, afterTwo!, alsoDoomed!, alsoAfterOne!];

      // Dead letters: the failing event after maxAttempts, and the later events of its stream queued behind it.
      await eventually(async () => (await deadCount()) === 5, 'five dead letters');
      const dead = new Map((await system.registry.deadLetters(OBJECT_TYPE_PROJECTION)).filter(ours).map((d) => [d.eventId, d]));
      expect([...dead.keys()].sort()).toEqual(expectedDead.map((e) => e.eventId).sort());
      expect(dead.get(doomed!.eventId)).toMatchObject({
        handler: OBJECT_TYPE_PROJECTION,
        sequenceNumber: 2,
        attempts: POLICY.maxAttempts,
        lastError: `injected failure for ObjectTypeDefined ${doomed!.eventId}`,
      });
      for (const behind of [afterOne!, afterTwo!]) {
        expect(dead.get(behind.eventId)).toMatchObject({ attempts: 0, lastError: `blocked behind dead-lettered event ${doomed!.eventId}` });
      }

      // Retried with backoff: each gap between attempts is at least the policy's delay, and the gaps grow.
      const attempts = flaky.callsFor(doomed!.eventId);
      expect(attempts.map((c) => c.outcome)).toEqual(Array(POLICY.maxAttempts).fill('failed'));
      const gaps = attempts.slice(1).map((c, i) => c.at - attempts[i]!.at);
      gaps.forEach((gap, i) => expect(gap, `gap after failed attempt ${i + 1}`).toBeGreaterThanOrEqual(backoffDelay(POLICY, i + 1)));
      gaps.slice(1).forEach((gap, i) => expect(gap, `gap ${i + 2} grows`).toBeGreaterThan(gaps[i]!));

      // Each dead letter is on the dead-letter topic with who gave up, why, and the event itself.
      const onTopic = await eventually(async () => {
        const found = expectedDead.map((e) => deadLetterTopic!.messages.find((m) => m.headers?.eventId === e.eventId));
        return found.every(Boolean) && (found as IncomingMessage[]);
      }, 'the dead letters on spice.events.dlq');
      expect(onTopic[0]!.headers).toEqual({ handler: OBJECT_TYPE_PROJECTION, eventId: doomed!.eventId, error: `injected failure for ObjectTypeDefined ${doomed!.eventId}` });
      expect(onTopic[1]!.headers).toMatchObject({ error: `blocked behind dead-lettered event ${doomed!.eventId}` });
      expect((JSON.parse(onTopic[0]!.value) as EventEnvelope).eventId).toBe(doomed!.eventId);

      // Other streams keep flowing; the blocked ones show nothing past the dead letter.
      await eventuallyReadModelsMatch(system, [flowing]);
      expect(await system.ontology.listObjectTypes(blocked)).toEqual([]);
      expect(await system.ontology.listObjectTypes(alsoBlocked)).toEqual([]);

      // The fault is fixed; an operator re-drives.
      flaky.failing = () => false;
      const deadLetters = new DeadLetterService({ registry: system.registry, events: system.events, bus: system.bus }, bed!.route.topic);
      const inspected = await deadLetters.inspect(OBJECT_TYPE_PROJECTION, doomed!.eventId);
      expect(inspected.event).toEqual(doomed);
      expect(inspected.deadLetter.attempts).toBe(POLICY.maxAttempts);
      await expect(deadLetters.redrive(OBJECT_TYPE_PROJECTION, afterOne!.eventId)).rejects.toMatchObject({ code: 'DEAD_LETTER.BEHIND_ANOTHER' });

      const redriven = await deadLetters.redrive(OBJECT_TYPE_PROJECTION, doomed!.eventId);
      expect(redriven.map((d) => d.eventId)).toEqual([doomed!.eventId, afterOne!.eventId, afterTwo!.eventId]);
      await eventuallyReadModelsMatch(system, [blocked, flowing]);

      const all = await deadLetters.redriveAll(OBJECT_TYPE_PROJECTION);
      expect(all.map((d) => d.eventId)).toEqual([alsoDoomed!.eventId, alsoAfterOne!.eventId]);
      await eventuallyReadModelsMatch(system, [blocked, alsoBlocked, flowing]);
      await expectReadModelsMatchEventStore(system, [blocked, alsoBlocked, flowing]);

      // Exactly once: every event of the three streams was applied by the projection once, and none is dead.
      for (const id of [blocked, alsoBlocked, flowing]) {
        for (const event of await streamOf(id)) {
          expect(flaky.callsFor(event.eventId).filter((c) => c.outcome === 'applied'), `${id} #${event.sequenceNumber}`).toHaveLength(1);
        }
      }
      expect((await deadLetters.list(OBJECT_TYPE_PROJECTION)).filter(ours)).toEqual([]);
    });
  });
}

retryThenDeadLetterThenRedrive(EMBEDDED);
retryThenDeadLetterThenRedrive(REAL);

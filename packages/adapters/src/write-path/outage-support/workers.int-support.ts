import {
  DEAD_LETTER_TOPIC,
  DEFAULT_CONSUMER_POLICY,
  IdempotentConsumer,
  ObjectTypeProjector,
  Relay,
  type ConsumerHandler,
  type ConsumerPolicy,
  type Subscription,
} from '@spice/domain';
import { PgObjectTypeReadModel } from '@spice/db';
import type { System } from '../../composition/composition-root';
import type { TestBed } from './stacks.int-support';

/**
 * The relay and the object-type projection wired as `system.startWorkers()` wires them, from the same classes,
 * but each started and stopped on its own, so a test can take one away while the other keeps running, or put
 * a wrapper around the projection.
 */
export async function startRelay(system: System, route: TestBed['route']): Promise<Relay> {
  await system.bus.ensureTopic(route.topic, { partitions: 4 });
  const relay = new Relay(system.events, system.bus, { topic: route.topic, batchSize: 1000, idleWaitMs: 100, retryDelayMs: 300 }, (e) =>
    system.logger.warn({ err: e }, 'relay cycle failed; retrying'),
  );
  relay.start();
  return relay;
}

export function objectTypeProjector(system: System): ObjectTypeProjector {
  return new ObjectTypeProjector(new PgObjectTypeReadModel(system.relational.db), system.search);
}

export async function startProjection(
  system: System,
  route: TestBed['route'],
  handler: ConsumerHandler = objectTypeProjector(system),
  policy: ConsumerPolicy = DEFAULT_CONSUMER_POLICY,
): Promise<Subscription> {
  await system.bus.ensureTopic(route.topic, { partitions: 4 });
  await system.bus.ensureTopic(DEAD_LETTER_TOPIC, { partitions: 1 });
  const consumer = new IdempotentConsumer(handler, { events: system.events, registry: system.registry, bus: system.bus }, policy);
  return system.bus.subscribe({ topic: route.topic, groupId: route.groupId, fromBeginning: true, handle: (m) => consumer.handleMessage(m) });
}

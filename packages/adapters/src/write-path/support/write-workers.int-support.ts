import {
  DEAD_LETTER_TOPIC,
  DEFAULT_CONSUMER_POLICY,
  IdempotentConsumer,
  ObjectTypeProjector,
  ONTOLOGY_AGGREGATE,
  Relay,
  type ConsumerHandler,
  type ConsumerPolicy,
  type IncomingMessage,
  type ObjectTypeReadModel,
  type ProcessedEventsRegistry,
  type SearchIndex,
} from '@spice/domain';
import { PgEventLedger, PgObjectTypeReadModel } from '@spice/db';
import type { System } from '../../composition/composition-root';

/** The ports the object-type projection writes through; tests wrap them to count effects or inject faults. */
export interface ProjectionPorts {
  readonly readModel: ObjectTypeReadModel;
  readonly search: SearchIndex;
  readonly registry: ProcessedEventsRegistry;
}

export interface WriteWorkerOptions {
  readonly topic: string;
  readonly groupId: string;
  readonly policy?: ConsumerPolicy;
  readonly ports?: (ports: ProjectionPorts) => ProjectionPorts;
  readonly handler?: (handler: ConsumerHandler) => ConsumerHandler;
  /** Sees every message the consumer has handled (skipped as stale or done included). */
  readonly onHandled?: (message: IncomingMessage) => void;
  readonly onRelayError?: (error: unknown) => void;
}

export interface WriteWorkers {
  stop(): Promise<void>;
}

/**
 * The relay and the object-type projection wired as `System.startWorkers()` wires them, from the same classes,
 * but on this test's own topic and consumer group and with the projection's ports open to wrapping.
 */
export async function startWriteWorkers(system: System, options: WriteWorkerOptions): Promise<WriteWorkers> {
  const base: ProjectionPorts = {
    readModel: new PgObjectTypeReadModel(system.relational.db),
    search: system.search,
    registry: system.registry,
  };
  const ports = options.ports ? options.ports(base) : base;
  const projector = new ObjectTypeProjector(ports.readModel, ports.search);
  await projector.init();
  const handler = options.handler ? options.handler(projector) : projector;
  const consumer = new IdempotentConsumer(
    handler,
    { events: system.events, registry: ports.registry, bus: system.bus },
    options.policy ?? DEFAULT_CONSUMER_POLICY,
  );
  // As in startWorkers: the in-process bus forgets everything with the process, so the relay publishes again
  // what the projection has not processed.
  if (system.config.bus.kind === 'in-process')
    await new PgEventLedger(system.relational.db).rewindUnprocessed([{ handler: handler.name, aggregateTypes: [ONTOLOGY_AGGREGATE] }]);
  await system.bus.ensureTopic(options.topic, { partitions: 4 });
  await system.bus.ensureTopic(DEAD_LETTER_TOPIC, { partitions: 1 });
  const subscription = await system.bus.subscribe({
    topic: options.topic,
    groupId: options.groupId,
    fromBeginning: true,
    handle: async (message) => {
      await consumer.handleMessage(message);
      options.onHandled?.(message);
    },
  });
  const relay = new Relay(
    system.events,
    system.bus,
    { topic: options.topic, batchSize: 1000, idleWaitMs: 100, retryDelayMs: 250 },
    options.onRelayError,
  );
  relay.start();
  return {
    async stop() {
      await relay.stop();
      await subscription.stop();
    },
  };
}

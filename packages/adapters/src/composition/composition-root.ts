import {
  DEAD_LETTER_TOPIC,
  DeadLetterService,
  EVENTS_TOPIC,
  ObjectStoreEventStore,
  IdempotentConsumer,
  ObjectTypeProjector,
  OntologyService,
  ONTOLOGY_AGGREGATE,
  ProjectionReplay,
  Relay,
  type ComponentHealth,
  type EventStore,
  type ProcessedEventsRegistry,
  type MessageBus,
  type ObjectStore,
  type QueryEngine,
  type SearchIndex,
  type Subscription,
} from '@spice/domain';
import {
  openRelationalStore,
  PgCommandLog,
  PgHandlerFence,
  PgObjectTypeReadModel,
  PgObjectTypeRebuild,
  PgEventLedger,
  PgProcessedEventsRegistry,
  reportingOutages,
  type RelationalStore,
} from '@spice/db';
import type { SpiceConfig } from '../config/config';
import { createLogger, type Logger } from '../logging/logger';
import { systemClock, uuidV7Ids } from '../system/system-clock';
import { LocalObjectStore } from '../local/local-object-store.adapter';
import { S3ObjectStore } from '../s3/s3-object-store.adapter';
import { InProcessBus } from '../in-process/in-process-bus.adapter';
import { KafkaBus } from '../kafka/kafka-bus.adapter';
import { createPostgresSearchIndex } from '../search/postgres-search-index.adapter';
import { createElasticsearchSearchIndex } from '../search/elasticsearch-search-index.adapter';
import { createOpenSearchSearchIndex } from '../search/opensearch-search-index.adapter';
import { DuckDbQueryEngine } from '../duckdb/duckdb-query-engine.adapter';
import { SparkQueryEngine } from '../spark/spark-query-engine.adapter';

export interface System {
  readonly config: SpiceConfig;
  readonly logger: Logger;
  readonly ontology: OntologyService;
  /** Rebuilds a read model from the event store (`pnpm spice replay`). */
  readonly replay: ProjectionReplay;
  /** Lists, inspects and re-drives dead letters (`pnpm spice dlq`, the admin page). */
  readonly deadLetters: DeadLetterService;
  readonly events: EventStore;
  readonly registry: ProcessedEventsRegistry;
  readonly relational: RelationalStore;
  readonly objects: ObjectStore;
  readonly bus: MessageBus;
  readonly search: SearchIndex;
  readonly queryEngine: QueryEngine;
  /** Starts the relay and the projections in this process (the workers app, or the embedded single process). */
  /**
   * `route` puts the relay's topic and the projection's consumer group elsewhere, so a benchmark runs beside
   * other workers without sharing their events (default: spice.events, one group per projection).
   */
  startWorkers(route?: WorkerRoute): Promise<void>;
  health(): Promise<ComponentHealth[]>;
  stop(): Promise<void>;
}

export interface WorkerRoute {
  readonly topic: string;
  readonly groupId: string;
}

/** The one composition root: builds every adapter from config and wires the services over them. */
export async function createSystem(config: SpiceConfig, logger = createLogger(config.logLevel)): Promise<System> {
  const relational = await openRelationalStore(config.relational);
  await relational.migrate();
  const objects = buildObjectStore(config);
  const bus = buildBus(config, logger);
  const search = buildSearch(config, relational);
  const queryEngine = buildQueryEngine(config);

  const events = new ObjectStoreEventStore(objects, reportingOutages(new PgEventLedger(relational.db)), systemClock, uuidV7Ids);
  const objectTypes = reportingOutages(new PgObjectTypeReadModel(relational.db));
  const registry = reportingOutages(new PgProcessedEventsRegistry(relational.db));
  const projector = new ObjectTypeProjector(objectTypes, search);
  await projector.init();
  const ontology = new OntologyService({
    events,
    commands: reportingOutages(new PgCommandLog(relational.db)),
    objectTypes,
    search,
    progress: registry,
    clock: systemClock,
    ids: uuidV7Ids,
  });

  const replay = new ProjectionReplay({
    events,
    fence: reportingOutages(new PgHandlerFence(relational.db)),
    objectTypes: reportingOutages(new PgObjectTypeRebuild(relational.db)),
    search,
    ids: uuidV7Ids,
  });
  const deadLetters = new DeadLetterService({ registry, events, bus });

  let relay: Relay | null = null;
  const subscriptions: Subscription[] = [];

  return {
    config,
    logger,
    ontology,
    replay,
    deadLetters,
    events,
    registry,
    relational,
    objects,
    bus,
    search,
    queryEngine,
    async startWorkers(route) {
      if (relay) return;
      const topic = route?.topic ?? EVENTS_TOPIC;
      await bus.ensureTopic(topic, { partitions: 4 });
      // The in-process bus forgets everything with the process: what the last run published but had not yet
      // projected would never come again. So the embedded relay publishes again what a projection has not
      // processed (the registry's per-stream progress), and only that; the scope is what the projection accepts.
      if (config.bus.kind === 'in-process') {
        const owed = await new PgEventLedger(relational.db).rewindUnprocessed([{ handler: projector.name, aggregateTypes: [ONTOLOGY_AGGREGATE] }]);
        logger.info({ appends: owed }, 'embedded start: publishing again the appends the projections had not processed');
      }
      relay = new Relay(
        events,
        bus,
        { topic, batchSize: 1000, idleWaitMs: config.bus.kind === 'in-process' ? 1_000 : 100, retryDelayMs: 1_000 },
        (e) => logger.warn({ err: e }, 'relay cycle failed; retrying'),
      );
      relay.start();
      await bus.ensureTopic(DEAD_LETTER_TOPIC, { partitions: 1 });
      const consumer = new IdempotentConsumer(projector, { events, registry, bus, owner: `${projector.name}.${uuidV7Ids.uuid()}` });
      subscriptions.push(
        await bus.subscribe({ topic, groupId: route?.groupId ?? projector.name, fromBeginning: true, handleBatch: (messages) => consumer.handleBatch(messages) }),
      );
      logger.info('relay and object-type projection started');
    },
    async health() {
      const checks = [relational.health(), objects.health(), bus.health(), search.health(), queryEngine.health()];
      return Promise.all(
        checks.map((c) =>
          c.catch((e: unknown) => ({ component: 'unknown', adapter: 'unknown', mode: 'embedded' as const, up: false, detail: String(e) })),
        ),
      );
    },
    async stop() {
      await relay?.stop();
      for (const s of subscriptions.splice(0)) await s.stop();
      await bus.close();
      await search.close?.();
      await queryEngine.close();
      await relational.close();
    },
  };
}

function buildObjectStore(config: SpiceConfig): ObjectStore {
  const c = config.objectStore;
  return c.kind === 's3' ? new S3ObjectStore(c) : new LocalObjectStore(c);
}

function buildBus(config: SpiceConfig, logger: Logger): MessageBus {
  const c = config.bus;
  return c.kind === 'kafka' ? new KafkaBus({ ...c, logger: logger.child({ component: 'kafka' }) }) : new InProcessBus();
}

function buildSearch(config: SpiceConfig, relational: RelationalStore): SearchIndex & { close?(): Promise<void> } {
  const c = config.search;
  switch (c.kind) {
    case 'postgres':
      return createPostgresSearchIndex({ sql: relational.sql, mode: relational.kind === 'pglite' ? 'embedded' : 'real' });
    case 'elasticsearch':
      return createElasticsearchSearchIndex({ url: c.url });
    case 'opensearch':
      return createOpenSearchSearchIndex({ url: c.url });
  }
}

function buildQueryEngine(config: SpiceConfig): QueryEngine {
  const c = config.queryEngine;
  return c.kind === 'spark' ? new SparkQueryEngine(c) : new DuckDbQueryEngine();
}

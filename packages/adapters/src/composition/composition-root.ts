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
  DatasetIngestService,
  DatasetReadService,
  DatasetService,
  proposeDatasetSchema,
  type IngestStep,
  type IngestJob,
  ConnectorScheduler,
  ConnectorService,
} from '@spice/domain';
import {
  openRelationalStore,
  PgCommandLog,
  PgHandlerFence,
  PgObjectTypeReadModel,
  PgObjectTypeRebuild,
  PgEventLedger,
  PgProcessedEventsRegistry,
  PgIngestJobStore,
  PgConnectorRunStore,
  reportingOutages,
  type RelationalStore,
} from '@spice/db';
import type { SpiceConfig } from '../config/config';
import { createLogger, type Logger } from '../logging/logger';
import { systemClock, uuidV7Ids } from '../system/system-clock';
import { LocalObjectStore } from '../local/local-object-store.adapter';
import { InProcessBus } from '../in-process/in-process-bus.adapter';
import { createPostgresSearchIndex } from '../search/postgres-search-index.adapter';
import { DuckDbQueryEngine } from '../duckdb/duckdb-query-engine.adapter';
import { DuckDbDatasetEngine } from '../datasets/engine/duckdb-dataset-engine.adapter';
import { LocalScratchSpace } from '../datasets/files/local-scratch-space.adapter';
import { ObjectFileCache } from '../datasets/files/object-file-cache.adapter';
import { TabularSourceReaderAdapter } from '../datasets/readers/tabular-source-reader.adapter';
import { ConnectorSourceFetcher } from '../datasets/connectors/connector-source-fetcher.adapter';
import { startSchedulerLoop } from '../datasets/connectors/scheduler-loop';

export interface System {
  readonly config: SpiceConfig;
  readonly logger: Logger;
  readonly ontology: OntologyService;
  /** Datasets, their versions and branches; uploads and connector fetches through the ingest outbox; row reads. */
  readonly datasets: DatasetService;
  readonly ingest: DatasetIngestService;
  readonly datasetReads: DatasetReadService;
  readonly scratch: LocalScratchSpace;
  /** Connectors (HTTP files, Google Sheets) into dataset versions; the scheduler runs them on their cron schedules. */
  readonly connectors: ConnectorService;
  readonly connectorScheduler: ConnectorScheduler;
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

/** Seams for crash tests: they pause an ingest at a step (to kill the process there) and shorten its lease. */
export interface SystemOptions {
  readonly ingest?: { readonly checkpoint?: (step: IngestStep, job: IngestJob) => Promise<void>; readonly leaseMs?: number };
}

/** How often the workers look for ingests a dead process left. */
const RECONCILE_EVERY_MS = 5_000;
/** How often the workers look for connectors whose schedule fired (cron's resolution is a minute). */
const SCHEDULE_EVERY_MS = 15_000;

export interface WorkerRoute {
  readonly topic: string;
  readonly groupId: string;
}

/** The one composition root: builds every adapter from config and wires the services over them. */
export async function createSystem(config: SpiceConfig, logger = createLogger(config.logLevel), options: SystemOptions = {}): Promise<System> {
  const relational = await openRelationalStore(config.relational);
  await relational.migrate();
  const objects = await buildObjectStore(config);
  const bus = await buildBus(config, logger);
  const search = await buildSearch(config, relational);
  const queryEngine = await buildQueryEngine(config);

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

  const commands = reportingOutages(new PgCommandLog(relational.db));
  const datasets = new DatasetService({ events, commands, clock: systemClock, ids: uuidV7Ids });
  const datasetEngine = new DuckDbDatasetEngine({ tempDirectory: `${config.dataDir}/duckdb-temp` });
  const scratch = new LocalScratchSpace(config.datasets.scratchDir);
  const versionFiles = new ObjectFileCache(objects, config.datasets.cacheDir, config.datasets.cacheMaxBytes, logger.child({ component: 'version-file-cache' }));
  const ingest = new DatasetIngestService({
    jobs: reportingOutages(new PgIngestJobStore(relational.db)),
    objects,
    reader: new TabularSourceReaderAdapter(),
    engine: datasetEngine,
    scratch,
    versionFiles,
    datasets,
    ids: uuidV7Ids,
    proposeSchema: proposeDatasetSchema,
    ...options.ingest,
  });
  const datasetReads = new DatasetReadService({ datasets, engine: datasetEngine, files: versionFiles });
  let reconciler: ReturnType<typeof setInterval> | null = null;
  // One reconcile at a time, and stop() waits (bounded) for the one in flight before the stores close under it.
  let reconciling: Promise<unknown> | null = null;
  const connectors = new ConnectorService({
    events,
    commands,
    clock: systemClock,
    ids: uuidV7Ids,
    datasets,
    ingest,
    fetcher: new ConnectorSourceFetcher(config.connectors),
    runs: reportingOutages(new PgConnectorRunStore(relational.db)),
    scratch,
  });
  const connectorScheduler = new ConnectorScheduler(connectors, uuidV7Ids);
  let stopScheduler: (() => Promise<void>) | null = null;

  let relay: Relay | null = null;
  const subscriptions: Subscription[] = [];

  return {
    config,
    logger,
    ontology,
    datasets,
    ingest,
    datasetReads,
    scratch,
    connectors,
    connectorScheduler,
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
      await scratch.sweepOrphans();
      reconciler = setInterval(() => {
        if (reconciling) return;
        reconciling = ingest
          .reconcile()
          .then((done) => done.length && logger.info({ done }, 'ingest reconciler finished or rolled back what dead processes left'))
          .catch((e: unknown) => logger.warn({ err: e }, 'ingest reconciler cycle failed; retrying'))
          .finally(() => (reconciling = null));
      }, RECONCILE_EVERY_MS);
      stopScheduler = startSchedulerLoop(connectorScheduler, logger.child({ component: 'connector-scheduler' }), SCHEDULE_EVERY_MS);
    },
    async health() {
      const checks = [relational.health(), objects.health(), bus.health(), search.health(), queryEngine.health(), datasetEngine.health()];
      return Promise.all(
        checks.map((c) =>
          c.catch((e: unknown) => ({ component: 'unknown', adapter: 'unknown', mode: 'embedded' as const, up: false, detail: String(e) })),
        ),
      );
    },
    async stop() {
      if (reconciler) clearInterval(reconciler);
      if (reconciling) await Promise.race([reconciling, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      await stopScheduler?.();
      await relay?.stop();
      for (const s of subscriptions.splice(0)) await s.stop();
      await bus.close();
      await search.close?.();
      await queryEngine.close();
      await datasetEngine.close();
      await relational.close();
    },
  };
}

// The real services' clients are loaded only when configured: together ~90 MiB of a process's memory that the
// embedded default, on a laptop, does not use.
async function buildObjectStore(config: SpiceConfig): Promise<ObjectStore> {
  const c = config.objectStore;
  if (c.kind === 'local') return new LocalObjectStore(c);
  const { S3ObjectStore } = await import('../s3/s3-object-store.adapter');
  return new S3ObjectStore(c);
}

async function buildBus(config: SpiceConfig, logger: Logger): Promise<MessageBus> {
  const c = config.bus;
  if (c.kind === 'in-process') return new InProcessBus();
  const { KafkaBus } = await import('../kafka/kafka-bus.adapter');
  return new KafkaBus({ ...c, logger: logger.child({ component: 'kafka' }) });
}

async function buildSearch(config: SpiceConfig, relational: RelationalStore): Promise<SearchIndex & { close?(): Promise<void> }> {
  const c = config.search;
  switch (c.kind) {
    case 'postgres':
      return createPostgresSearchIndex({ sql: relational.sql, mode: relational.kind === 'pglite' ? 'embedded' : 'real' });
    case 'elasticsearch':
      return (await import('../search/elasticsearch-search-index.adapter')).createElasticsearchSearchIndex({ url: c.url });
    case 'opensearch':
      return (await import('../search/opensearch-search-index.adapter')).createOpenSearchSearchIndex({ url: c.url });
  }
}

async function buildQueryEngine(config: SpiceConfig): Promise<QueryEngine> {
  const c = config.queryEngine;
  if (c.kind === 'duckdb') return new DuckDbQueryEngine();
  const { SparkQueryEngine } = await import('../spark/spark-query-engine.adapter');
  return new SparkQueryEngine(c);
}

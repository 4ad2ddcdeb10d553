import type { EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { IdGenerator } from '../ports/clock.port';
import type { HandlerFence } from '../ports/handler-fence.port';
import type { ObjectTypeChange, ObjectTypeReadModel } from '../ports/object-type-read-model.port';
import type { ObjectTypeDoc } from '../ontology/object-type.projection';
import type { ReadModelRebuild, RebuiltReadModel } from '../ports/read-model-rebuild.port';
import type { BulkOperation, SearchDocumentBody, SearchIndex } from '../ports/search-index.port';
import { ONTOLOGY_AGGREGATE } from '../ontology/ontology.events';
import { OBJECT_TYPE_SEARCH_INDEX, OBJECT_TYPE_SEARCH_MAPPING, objectTypeDocId } from '../ontology/object-type.projection';
import { DomainError, invalid, isDomainError, unavailable } from '../shared/errors';
import { OBJECT_TYPE_PROJECTION, ObjectTypeProjector } from './object-type-projector';

/** Projections a replay can rebuild, by the name operators type, with the consumer handler each one is. */
export const REPLAYABLE_PROJECTIONS = { 'object-types': OBJECT_TYPE_PROJECTION } as const;

export interface ReplayReport {
  readonly projection: string;
  readonly handler: string;
  readonly streams: number;
  readonly events: number;
  /** Search documents in the rebuilt index. */
  readonly documents: number;
}

export interface ProjectionReplayDeps {
  readonly events: EventStore;
  readonly fence: HandlerFence;
  readonly objectTypes: ReadModelRebuild<ObjectTypeDoc>;
  readonly search: SearchIndex;
  readonly ids: IdGenerator;
}

export interface ReplayPolicy {
  /** How long the fence outlives a replay that died; renewed every third of it while the replay works. */
  readonly fenceTtlMs: number;
  /** How long to wait for applies already under way when the fence went up. */
  readonly drainTimeoutMs: number;
  readonly pollMs: number;
}

export const DEFAULT_REPLAY_POLICY: ReplayPolicy = { fenceTtlMs: 60_000, drainTimeoutMs: 120_000, pollMs: 100 };

const LEDGER_PAGE = 1000;
const READ_CONCURRENCY = 8;

/**
 * Drops a read model and rebuilds it from the event store, safely beside running workers:
 *
 * 1. A fence pauses the projection's handler in every process (claims answer `busy`, the bus redelivers
 *    later), and the replay waits until the applies already under way have committed.
 * 2. The ledger (the store's append index, in append order) names every stream; each stream's events are
 *    read from the object store, the truth, in sequence order (held in memory for the next step).
 * 3. Every event is re-applied, stream by stream in sequence order, through the live projection code
 *    (ObjectTypeProjector) over an in-memory read model and search index, so a failing event changes nothing.
 * 4. One relational transaction replaces the read model's rows and the handler's registry rows (each applied
 *    event done, each aggregate's last sequence), so readers switch from the old model to the new one at once.
 * 5. The search index is dropped and reloaded with the documents the projection wrote. Should this step fail,
 *    the read model is already rebuilt and running the replay again repairs the index.
 * 6. The fence comes down; consumers go on from the rebuilt registry (what the replay applied is done).
 *
 * Dead letters of the handler are re-applied like every other event, so a replay also clears them, or fails
 * naming the event that still cannot be applied. A stream whose appends all missed the ledger (a crash
 * between the object write and the ledger commit, never repaired) is not found until `repair` records it.
 */
export class ProjectionReplay {
  constructor(
    private readonly deps: ProjectionReplayDeps,
    private readonly policy: ReplayPolicy = DEFAULT_REPLAY_POLICY,
  ) {}

  projections(): string[] {
    return Object.keys(REPLAYABLE_PROJECTIONS);
  }

  async replay(projection: string): Promise<ReplayReport> {
    if (!Object.hasOwn(REPLAYABLE_PROJECTIONS, projection)) {
      throw invalid('REPLAY.UNKNOWN_PROJECTION', `No projection "${projection}"; replayable: ${this.projections().join(', ')}`, [], {
        projection,
        known: this.projections(),
      });
    }
    const handler = REPLAYABLE_PROJECTIONS[projection as keyof typeof REPLAYABLE_PROJECTIONS];
    const holder = `replay-${this.deps.ids.uuid()}`;
    const { fence } = this.deps;
    await fence.raise(handler, holder, this.policy.fenceTtlMs);
    const renewal = setInterval(
      () => void fence.renew(handler, holder, this.policy.fenceTtlMs).catch(() => undefined),
      this.policy.fenceTtlMs / 3,
    );
    try {
      await this.drain(handler);
      const streams = await this.readStreams(await this.ontologyStreams());
      const readModel = new ReadModelBuffer();
      const documents = new SearchDocumentBuffer();
      await this.applyAll(new ObjectTypeProjector(readModel, documents), streams);
      await this.deps.objectTypes.replace(handler, readModel.rebuilt());
      await this.deps.search.rebuild(OBJECT_TYPE_SEARCH_INDEX, OBJECT_TYPE_SEARCH_MAPPING, documents.entries());
      return { projection, handler, streams: streams.length, events: readModel.applied.length, documents: documents.size };
    } finally {
      clearInterval(renewal);
      await fence.lift(handler, holder);
    }
  }

  private async drain(handler: string): Promise<void> {
    const deadline = Date.now() + this.policy.drainTimeoutMs;
    for (;;) {
      const inFlight = await this.deps.fence.inFlight(handler);
      if (inFlight === 0) return;
      if (Date.now() > deadline) {
        throw unavailable('REPLAY.CONSUMERS_BUSY', `${inFlight} event(s) of ${handler} were still being applied after ${this.policy.drainTimeoutMs} ms; try again`);
      }
      await new Promise((r) => setTimeout(r, this.policy.pollMs));
    }
  }

  /** Ontology stream ids in the order the ledger first saw them. */
  private async ontologyStreams(): Promise<string[]> {
    const ids = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const page = await this.deps.events.readAll(after, LEDGER_PAGE);
      for (const batch of page) {
        const first = batch.events[0];
        if (first?.aggregateType === ONTOLOGY_AGGREGATE) ids.add(first.aggregateId);
      }
      if (page.length < LEDGER_PAGE) return [...ids];
      after = page.at(-1)!.position;
    }
  }

  /** Every stream's events, read several streams at a time before the transaction, so it stays short. */
  private async readStreams(ids: readonly string[]): Promise<EventEnvelope[][]> {
    const streams: EventEnvelope[][] = new Array(ids.length);
    let next = 0;
    const reader = async () => {
      while (next < ids.length) {
        const i = next++;
        streams[i] = await this.deps.events.readStream(ONTOLOGY_AGGREGATE, ids[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, reader));
    return streams;
  }

  private async applyAll(projector: ObjectTypeProjector, streams: readonly (readonly EventEnvelope[])[]): Promise<void> {
    for (const stream of streams) {
      for (const event of stream) if (projector.accepts(event)) await this.applyOne(projector, event);
    }
  }

  private async applyOne(projector: ObjectTypeProjector, event: EventEnvelope): Promise<void> {
    try {
      await projector.apply(event);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new DomainError({
        code: 'REPLAY.EVENT_FAILED',
        kind: isDomainError(e) ? e.kind : 'unavailable',
        message: `Replay stopped at event ${event.eventId} (${event.aggregateType} ${event.aggregateId} #${event.sequenceNumber}, ${event.eventType}); nothing was changed: ${reason}`,
        context: { eventId: event.eventId, aggregateId: event.aggregateId, sequenceNumber: event.sequenceNumber },
        cause: e,
      });
    }
  }
}

/**
 * The read model as the projection's commits leave it, held in memory: the documents, and every event
 * committed (what the registry records as done).
 */
class ReadModelBuffer implements ObjectTypeReadModel {
  private readonly documents = new Map<string, ObjectTypeDoc>();
  readonly applied: EventEnvelope[] = [];

  async get(id: string): Promise<ObjectTypeDoc | null> {
    return this.documents.get(id) ?? null;
  }

  async getMany(ids: readonly string[]): Promise<ObjectTypeDoc[]> {
    return ids.flatMap((id) => this.documents.get(id) ?? []);
  }

  async commit(_handler: string, event: EventEnvelope, doc: ObjectTypeDoc | null): Promise<void> {
    const id = doc?.id ?? objectTypeDocId(event);
    if (doc) this.documents.set(doc.id, doc);
    else if (id) this.documents.delete(id);
    this.applied.push(event);
  }

  async commitBatch(handler: string, changes: readonly ObjectTypeChange[]): Promise<void> {
    for (const { event, doc } of changes) await this.commit(handler, event, doc);
  }

  async list(ontologyId: string): Promise<ObjectTypeDoc[]> {
    return [...this.documents.values()].filter((d) => d.ontologyId === ontologyId);
  }

  async version(): Promise<number> {
    return this.applied.length;
  }

  rebuilt(): RebuiltReadModel<ObjectTypeDoc> {
    return { documents: [...this.documents.values()], applied: this.applied };
  }
}

/** Collects what a projection writes to its search index, so the index can be rebuilt in one go afterwards. */
class SearchDocumentBuffer implements Pick<SearchIndex, 'ensureIndex' | 'index' | 'delete' | 'bulk'> {
  private readonly documents = new Map<string, SearchDocumentBody>();

  get size(): number {
    return this.documents.size;
  }

  async ensureIndex(): Promise<void> {}

  async index(_index: string, id: string, body: SearchDocumentBody): Promise<void> {
    this.documents.set(id, body);
  }

  async delete(_index: string, id: string): Promise<void> {
    this.documents.delete(id);
  }

  async bulk(index: string, operations: readonly BulkOperation[]): Promise<void> {
    for (const o of operations) await (o.op === 'index' ? this.index(index, o.id, o.body) : this.delete(index, o.id));
  }

  entries(): { id: string; body: SearchDocumentBody }[] {
    return [...this.documents].map(([id, body]) => ({ id, body }));
  }
}

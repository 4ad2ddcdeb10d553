import { ZEventEnvelope, type EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { IncomingMessage } from '../ports/message-bus.port';
import type { ObjectTypeReadModel } from '../ports/object-type-read-model.port';
import type { SearchIndex } from '../ports/search-index.port';
import { unavailable } from '../shared/errors';
import { ONTOLOGY_AGGREGATE } from '../ontology/ontology.events';
import {
  OBJECT_TYPE_SEARCH_INDEX,
  OBJECT_TYPE_SEARCH_MAPPING,
  objectTypeDocId,
  objectTypeSearchBody,
  projectObjectType,
} from '../ontology/object-type.projection';

export const OBJECT_TYPE_PROJECTION = 'projection.object-types';
const LEASE_MS = 30_000;

/**
 * Projects ontology events into the object-type read model and the search index, exactly once per
 * event: claim (handler, event id), skip stale sequence numbers, fill gaps from the event store, write the
 * idempotent search document first, then commit the read model with the registry in one transaction.
 */
export class ObjectTypeProjector {
  constructor(
    private readonly events: EventStore,
    private readonly readModel: ObjectTypeReadModel,
    private readonly search: SearchIndex,
  ) {}

  async init(): Promise<void> {
    await this.search.ensureIndex(OBJECT_TYPE_SEARCH_INDEX, OBJECT_TYPE_SEARCH_MAPPING);
  }

  async handleMessage(message: IncomingMessage): Promise<void> {
    const event = ZEventEnvelope.parse(JSON.parse(message.value));
    if (event.aggregateType !== ONTOLOGY_AGGREGATE) return;
    const last = await this.readModel.lastSeq(OBJECT_TYPE_PROJECTION, event.aggregateType, event.aggregateId);
    if (event.sequenceNumber <= last) return;
    if (event.sequenceNumber > last + 1) {
      const missing = await this.events.readStream(event.aggregateType, event.aggregateId, last + 1);
      for (const e of missing.filter((m) => m.sequenceNumber < event.sequenceNumber)) await this.apply(e);
    }
    await this.apply(event);
  }

  private async apply(event: EventEnvelope): Promise<void> {
    const outcome = await this.readModel.claim(OBJECT_TYPE_PROJECTION, event, LEASE_MS);
    if (outcome === 'already-done' || outcome === 'stale') return;
    if (outcome === 'busy') throw unavailable('PROJECTION.CLAIM_BUSY', `Event ${event.eventId} is being applied by another consumer`);
    const docId = objectTypeDocId(event);
    const before = docId ? await this.readModel.get(docId) : null;
    const after = projectObjectType(before, event);
    if (after) await this.search.index(OBJECT_TYPE_SEARCH_INDEX, after.id, objectTypeSearchBody(after));
    await this.readModel.commit(OBJECT_TYPE_PROJECTION, event, after);
  }
}

import type { EventEnvelope } from '../eventstore/envelope';
import type { ObjectTypeChange, ObjectTypeReadModel } from '../ports/object-type-read-model.port';
import type { BulkOperation, SearchIndex } from '../ports/search-index.port';
import { ONTOLOGY_AGGREGATE } from '../ontology/ontology.events';
import {
  type ObjectTypeDoc,
  OBJECT_TYPE_SEARCH_INDEX,
  OBJECT_TYPE_SEARCH_MAPPING,
  objectTypeDocId,
  objectTypeSearchBody,
  projectObjectType,
} from '../ontology/object-type.projection';
import type { ConsumerHandler } from './idempotent-consumer';

export const OBJECT_TYPE_PROJECTION = 'projection.object-types';

/**
 * Projects ontology events into the object-type read model and the search index. The search document is
 * written (or deleted) first, idempotently, then the read model commits with the registry in one
 * transaction, so a crash between the two converges on redelivery. A batch works the same way with one read
 * of the documents it touches, one bulk search write (one refresh) and one read-model transaction.
 */
export class ObjectTypeProjector implements ConsumerHandler {
  readonly name = OBJECT_TYPE_PROJECTION;

  constructor(
    private readonly readModel: ObjectTypeReadModel,
    /** Only writes: a replay hands in a buffer that collects the documents for one bulk rebuild. */
    private readonly search: Pick<SearchIndex, 'ensureIndex' | 'index' | 'delete' | 'bulk'>,
  ) {}

  async init(): Promise<void> {
    await this.search.ensureIndex(OBJECT_TYPE_SEARCH_INDEX, OBJECT_TYPE_SEARCH_MAPPING);
  }

  accepts(event: EventEnvelope): boolean {
    return event.aggregateType === ONTOLOGY_AGGREGATE;
  }

  async apply(event: EventEnvelope): Promise<void> {
    const docId = objectTypeDocId(event);
    const before = docId ? await this.readModel.get(docId) : null;
    const after = projectObjectType(before, event);
    if (after) await this.search.index(OBJECT_TYPE_SEARCH_INDEX, after.id, objectTypeSearchBody(after));
    // A deleted type: removing a missing search document is a no-op, so a redelivery converges the same way.
    else if (docId) await this.search.delete(OBJECT_TYPE_SEARCH_INDEX, docId);
    await this.readModel.commit(this.name, event, after);
  }

  async applyBatch(events: readonly EventEnvelope[]): Promise<void> {
    const touched = [...new Set(events.map(objectTypeDocId).filter((id): id is string => id !== null))];
    const docs = new Map<string, ObjectTypeDoc | null>((await this.readModel.getMany(touched)).map((d) => [d.id, d]));
    const changes: ObjectTypeChange[] = [];
    for (const event of events) {
      const docId = objectTypeDocId(event);
      const after = projectObjectType(docId ? (docs.get(docId) ?? null) : null, event);
      if (docId) docs.set(docId, after);
      changes.push({ event, doc: after });
    }
    // Each touched document once, as the batch leaves it.
    const operations: BulkOperation[] = touched.map((id) => {
      const doc = docs.get(id);
      return doc ? { op: 'index', id, body: objectTypeSearchBody(doc) } : { op: 'delete', id };
    });
    await this.search.bulk(OBJECT_TYPE_SEARCH_INDEX, operations);
    await this.readModel.commitBatch(this.name, changes);
  }
}

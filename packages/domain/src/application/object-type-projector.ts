import type { EventEnvelope } from '../eventstore/envelope';
import type { ObjectTypeReadModel } from '../ports/object-type-read-model.port';
import type { SearchIndex } from '../ports/search-index.port';
import { ONTOLOGY_AGGREGATE } from '../ontology/ontology.events';
import {
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
 * transaction, so a crash between the two converges on redelivery.
 */
export class ObjectTypeProjector implements ConsumerHandler {
  readonly name = OBJECT_TYPE_PROJECTION;

  constructor(
    private readonly readModel: ObjectTypeReadModel,
    /** Only writes: a replay hands in a buffer that collects the documents for one bulk rebuild. */
    private readonly search: Pick<SearchIndex, 'ensureIndex' | 'index' | 'delete'>,
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
}

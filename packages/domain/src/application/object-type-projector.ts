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
 * written first (idempotent: same id, same body), then the read model commits with the registry in one
 * transaction, so a crash between the two converges on redelivery.
 */
export class ObjectTypeProjector implements ConsumerHandler {
  readonly name = OBJECT_TYPE_PROJECTION;

  constructor(
    private readonly readModel: ObjectTypeReadModel,
    private readonly search: SearchIndex,
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
    await this.readModel.commit(this.name, event, after);
  }
}

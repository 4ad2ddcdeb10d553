import type { EventEnvelope } from '../eventstore/envelope';
import type { ObjectTypeDoc } from '../ontology/object-type.projection';

/**
 * The object-type read model. `commit` writes the document, marks the event done in the registry and
 * advances the aggregate's last sequence atomically, so a crash either redoes the whole step or nothing.
 */
export interface ObjectTypeReadModel {
  get(id: string): Promise<ObjectTypeDoc | null>;
  commit(handler: string, event: EventEnvelope, doc: ObjectTypeDoc | null): Promise<void>;
  list(ontologyId: string): Promise<ObjectTypeDoc[]>;
  version(): Promise<number>;
}

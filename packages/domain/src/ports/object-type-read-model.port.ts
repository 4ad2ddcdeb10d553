import type { EventEnvelope } from '../eventstore/envelope';
import type { ObjectTypeDoc } from '../ontology/object-type.projection';

/** One applied event and the document it leaves (null: it touches no document, or the document is gone). */
export interface ObjectTypeChange {
  readonly event: EventEnvelope;
  readonly doc: ObjectTypeDoc | null;
}

/**
 * The object-type read model. `commit` writes the document, marks the event done in the registry and
 * advances the aggregate's last sequence atomically, so a crash either redoes the whole step or nothing.
 */
export interface ObjectTypeReadModel {
  get(id: string): Promise<ObjectTypeDoc | null>;
  /** The documents that exist among `ids`, in no particular order. */
  getMany(ids: readonly string[]): Promise<ObjectTypeDoc[]>;
  commit(handler: string, event: EventEnvelope, doc: ObjectTypeDoc | null): Promise<void>;
  /**
   * `commit` of many events in one transaction: all of them or none. `changes` are in application order;
   * for a document changed more than once, the last change is what is stored.
   */
  commitBatch(handler: string, changes: readonly ObjectTypeChange[]): Promise<void>;
  list(ontologyId: string): Promise<ObjectTypeDoc[]>;
  version(): Promise<number>;
}

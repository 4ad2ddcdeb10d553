import type { EventEnvelope } from '../eventstore/envelope';
import type { ObjectTypeDoc } from '../ontology/object-type.projection';

export type ClaimOutcome = 'claimed' | 'already-done' | 'stale' | 'busy';

/**
 * The object-type read model with the consumer registry it is written under. `claim` takes the
 * (handler, event) gate; `commit` writes the document, marks the event done and advances the aggregate's
 * last sequence atomically, so a crash at any point either redoes the whole step or nothing.
 */
export interface ObjectTypeReadModel {
  claim(handler: string, event: EventEnvelope, leaseMs: number): Promise<ClaimOutcome>;
  lastSeq(handler: string, aggregateType: string, aggregateId: string): Promise<number>;
  get(id: string): Promise<ObjectTypeDoc | null>;
  commit(handler: string, event: EventEnvelope, doc: ObjectTypeDoc | null): Promise<void>;
  list(ontologyId: string): Promise<ObjectTypeDoc[]>;
  version(): Promise<number>;
}

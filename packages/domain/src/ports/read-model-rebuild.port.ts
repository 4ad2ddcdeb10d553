import type { EventEnvelope } from '../eventstore/envelope';

/** A read model rebuilt in memory: its documents, and every event applied to reach them, in order. */
export interface RebuiltReadModel<Doc> {
  readonly documents: readonly Doc[];
  readonly applied: readonly EventEnvelope[];
}

/**
 * Replaces one read model in one transaction: its rows and its handler's registry rows (processed events and
 * per-aggregate progress) are deleted, the rebuilt documents written, and every applied event recorded as
 * done with its aggregate's last sequence, as the handler's own commits record them. Readers see the old
 * model until the commit.
 */
export interface ReadModelRebuild<Doc> {
  replace(handler: string, rebuilt: RebuiltReadModel<Doc>): Promise<void>;
}

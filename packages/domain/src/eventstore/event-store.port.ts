import type { AppendContext, EventEnvelope, PendingEvent } from './envelope';

export interface AppendRequest {
  readonly aggregateType: string;
  readonly aggregateId: string;
  /** The stream's last sequence number the decision was based on; 0 for a new stream. */
  readonly expectedSeq: number;
  readonly events: readonly PendingEvent[];
  readonly context: AppendContext;
}

export interface AppendResult {
  readonly events: readonly EventEnvelope[];
  readonly lastSeq: number;
}

/** One entry of the time-ordered index the relay tails: the events of one append. */
export interface IndexedBatch {
  readonly position: string;
  readonly events: readonly EventEnvelope[];
}

/**
 * The single source of truth. Appends are atomic per command and guarded by expectedSeq
 * (a mismatch throws DomainError EVENT_STORE.SEQUENCE_CONFLICT with the current sequence).
 */
export interface EventStore {
  append(request: AppendRequest): Promise<AppendResult>;
  readStream(aggregateType: string, aggregateId: string, fromSeq?: number): Promise<EventEnvelope[]>;
  /** Batches in index order strictly after `afterPosition` (or from the start), at most `limit`. */
  readIndex(afterPosition: string | null, limit: number): Promise<IndexedBatch[]>;
  /** The index position `ms` milliseconds before `position`, for bounded look-back. */
  positionBefore(position: string, ms: number): string;
  /** Resolves when something may have been appended (in-process hint; may also just time out). */
  waitForAppend(timeoutMs: number): Promise<void>;
}

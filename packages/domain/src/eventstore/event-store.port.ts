import type { AppendContext, EventEnvelope, PendingEvent } from './envelope';
import type { LedgerBatch } from './event-ledger.port';

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
  /** True when every event id had been appended before with the same content: nothing new was written. */
  readonly duplicate: boolean;
}

/**
 * The single source of truth. Appends are atomic per command and guarded by expectedSeq (a mismatch
 * throws DomainError EVENT_STORE.SEQUENCE_CONFLICT with the current sequence); an event id reused with
 * other content throws EVENT_STORE.EVENT_ID_REUSED. Nothing is appended in either case.
 */
export interface EventStore {
  append(request: AppendRequest): Promise<AppendResult>;
  readStream(aggregateType: string, aggregateId: string, fromSeq?: number): Promise<EventEnvelope[]>;
  /** Appends the relay has not yet published, in append order. */
  unpublished(limit: number): Promise<LedgerBatch[]>;
  markPublished(positions: readonly string[]): Promise<void>;
  /** Every append after `position` (or from the start) in append order: what replays read. */
  readAll(afterPosition: string | null, limit: number): Promise<LedgerBatch[]>;
  /** Brings the ledger up to what the object store holds for one stream; returns the stream's last sequence. */
  repair(aggregateType: string, aggregateId: string): Promise<number>;
  /** Resolves when something may have been appended (an in-process hint; may also just time out). */
  waitForAppend(timeoutMs: number): Promise<void>;
}

import type { EventEnvelope } from './envelope';

/** One append as the ledger records it: its position in append order and its events. */
export interface LedgerBatch {
  /** Strictly increasing in the order the ledger recorded appends (a decimal integer string). */
  readonly position: string;
  readonly streamKey: string;
  readonly events: readonly EventEnvelope[];
}

export interface ReserveRequest {
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly count: number;
  readonly expectedSeq: number;
  /** Each event's id with a fingerprint of its content, for the event-id idempotency rule. */
  readonly eventIds: readonly { readonly eventId: string; readonly payloadHash: string }[];
}

export type ReserveOutcome =
  | { readonly kind: 'appended'; readonly events: readonly EventEnvelope[] }
  /** Every event id was appended before with the same content: the original events, nothing new written. */
  | { readonly kind: 'duplicate'; readonly events: readonly EventEnvelope[] };

/**
 * The relational side of the event store: per-aggregate positions, the event-id registry and the append
 * ledger the relay tails (an outbox). The object store holds the events themselves and is the truth; the
 * ledger is its index and is repaired from it, never the reverse.
 */
export interface EventLedger {
  /**
   * In one transaction: refuses reused event ids with other content, returns the originals for an exact
   * repeat, locks the aggregate's position, checks `expectedSeq` (EVENT_STORE.SEQUENCE_CONFLICT with the
   * current sequence), runs `write(firstSeq)` while holding the lock, and records the ledger row, the event
   * ids and the new last sequence only if `write` succeeded, so a failed write leaves no hole.
   */
  reserve(
    request: ReserveRequest,
    write: (firstSeq: number) => Promise<{ streamKey: string; events: readonly EventEnvelope[] }>,
  ): Promise<ReserveOutcome>;
  /** Records a batch found in the store but missing here (a crash between the object write and the commit). */
  recover(batch: { streamKey: string; events: readonly EventEnvelope[] }, payloadHashes: readonly string[]): Promise<void>;
  current(aggregateType: string, aggregateId: string): Promise<number>;
  /** Batches not yet marked published, in ledger order. */
  unpublished(limit: number): Promise<LedgerBatch[]>;
  markPublished(positions: readonly string[]): Promise<void>;
  /** Marks everything from `position` on as unpublished again, so the relay republishes it (operators, tests). */
  rewind(position: string): Promise<void>;
  /** All batches after `position` in ledger order, for replays. */
  readAll(afterPosition: string | null, limit: number): Promise<LedgerBatch[]>;
}

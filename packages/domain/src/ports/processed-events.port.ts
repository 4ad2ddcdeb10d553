import type { EventEnvelope } from '../eventstore/envelope';

export type ClaimOutcome = 'claimed' | 'already-done' | 'busy' | 'dead';

export interface DeadLetter {
  readonly handler: string;
  readonly eventId: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly sequenceNumber: number;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly updatedAt: string;
}

/** One aggregate's stream, as the registry tracks its progress. */
export interface StreamRef {
  readonly aggregateType: string;
  readonly aggregateId: string;
}

/**
 * The consumers' durable registry, keyed by (handler, event id). `claim` is the unique gate with a lease;
 * the handler's own commit marks the event done and advances the aggregate's last sequence in the same
 * transaction as its side effect (see each read model's `commit`).
 *
 * `owner` names the consumer instance asking. A claim is taken over when an earlier attempt failed or its
 * lease ran out, and by its own owner at any time: a consumer that lost its database mid-apply (so it could
 * neither commit nor release) takes its claims back as soon as the database returns, while any other
 * consumer still waits for the lease. Without an owner a claim is only ever taken over by the lease rule.
 */
export interface ProcessedEventsRegistry {
  claim(handler: string, event: EventEnvelope, leaseMs: number, owner?: string): Promise<ClaimOutcome>;
  /** `claim` for many events in one round trip; the outcome of each, by event id. */
  claimBatch(handler: string, events: readonly EventEnvelope[], leaseMs: number, owner?: string): Promise<ReadonlyMap<string, ClaimOutcome>>;
  /** Extends a live claim while a slow handler works, so no other consumer takes it over. */
  heartbeat(handler: string, eventId: string, leaseMs: number): Promise<void>;
  heartbeatBatch(handler: string, eventIds: readonly string[], leaseMs: number): Promise<void>;
  /** Gives a claim up after a failure; returns how many attempts have failed so far. */
  release(handler: string, eventId: string, error: string): Promise<number>;
  /**
   * Gives claims up that were never tried (no attempt is counted): their lease ends now, so any consumer may
   * claim them at once. Only claims held by `owner` are touched.
   */
  abandon(handler: string, eventIds: readonly string[], owner: string): Promise<void>;
  markDead(handler: string, event: EventEnvelope, error: string): Promise<void>;
  lastSeq(handler: string, aggregateType: string, aggregateId: string): Promise<number>;
  /** `lastSeq` of many streams in one round trip, in the order asked (0 for a stream never applied). */
  lastSeqBatch(handler: string, streams: readonly StreamRef[]): Promise<number[]>;
  deadLetters(handler?: string): Promise<DeadLetter[]>;
  /** Makes a dead letter claimable again with a fresh attempt count; returns it, or null if it is not dead. */
  redrive(handler: string, eventId: string): Promise<DeadLetter | null>;
}

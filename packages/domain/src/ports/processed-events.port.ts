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

/**
 * The consumers' durable registry, keyed by (handler, event id). `claim` is the unique gate with a lease;
 * the handler's own commit marks the event done and advances the aggregate's last sequence in the same
 * transaction as its side effect (see each read model's `commit`).
 */
export interface ProcessedEventsRegistry {
  claim(handler: string, event: EventEnvelope, leaseMs: number): Promise<ClaimOutcome>;
  /** Extends a live claim while a slow handler works, so no other consumer takes it over. */
  heartbeat(handler: string, eventId: string, leaseMs: number): Promise<void>;
  /** Gives a claim up after a failure; returns how many attempts have failed so far. */
  release(handler: string, eventId: string, error: string): Promise<number>;
  markDead(handler: string, event: EventEnvelope, error: string): Promise<void>;
  lastSeq(handler: string, aggregateType: string, aggregateId: string): Promise<number>;
  deadLetters(handler?: string): Promise<DeadLetter[]>;
  /** Makes a dead letter claimable again with a fresh attempt count; returns it, or null if it is not dead. */
  redrive(handler: string, eventId: string): Promise<DeadLetter | null>;
}

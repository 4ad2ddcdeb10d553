import { z } from 'zod';

/** The event envelope of ARCHITECTURE.md; the same shape travels in the store, on the bus and in replays. */
export const ZEventEnvelope = z.object({
  eventId: z.string().min(1),
  commandId: z.string().min(1),
  aggregateType: z.string().min(1),
  aggregateId: z.string().min(1),
  sequenceNumber: z.number().int().positive(),
  eventType: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  occurredAt: z.string().datetime({ offset: true }),
  actor: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
  metadata: z.object({
    kind: z.enum(['command', 'domain']),
    causationId: z.string().nullable(),
    correlationId: z.string().min(1),
  }),
});

export type EventEnvelope = z.infer<typeof ZEventEnvelope>;

/** An event as a decider emits it, before the store gives it an id and a position. */
export interface PendingEvent {
  /** Given by callers that retry appends and want the event-id idempotency rule; generated otherwise. */
  readonly eventId?: string;
  readonly eventType: string;
  readonly schemaVersion: number;
  readonly payload: Record<string, unknown>;
}

/** Who asked, why, and under which command: stamped on every event of one append. */
export interface AppendContext {
  readonly commandId: string;
  readonly actor: string;
  readonly correlationId?: string;
  readonly causationId?: string | null;
}

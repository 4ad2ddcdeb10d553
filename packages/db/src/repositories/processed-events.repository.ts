import { and, asc, eq, sql } from 'drizzle-orm';
import type { ClaimOutcome, DeadLetter, EventEnvelope, ProcessedEventsRegistry } from '@spice/domain';
import type { Database } from '../client';
import { aggregateProgress, processedEvents } from '../schema';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const leaseFor = (ms: number) => sql`now() + ${`${ms} milliseconds`}::interval`;
const key = (handler: string, eventId: string) => and(eq(processedEvents.handler, handler), eq(processedEvents.eventId, eventId));

/** Marks an event done and advances its aggregate's last sequence: called inside a read model's commit. */
export async function markDoneInTx(tx: Tx, handler: string, event: EventEnvelope): Promise<void> {
  await tx
    .insert(processedEvents)
    .values({
      handler,
      eventId: event.eventId,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      sequenceNumber: event.sequenceNumber,
      status: 'done',
    })
    .onConflictDoUpdate({
      target: [processedEvents.handler, processedEvents.eventId],
      set: { status: 'done', leaseUntil: null, updatedAt: sql`now()` },
    });
  await tx
    .insert(aggregateProgress)
    .values({ handler, aggregateType: event.aggregateType, aggregateId: event.aggregateId, lastSeq: event.sequenceNumber })
    .onConflictDoUpdate({
      target: [aggregateProgress.handler, aggregateProgress.aggregateType, aggregateProgress.aggregateId],
      set: { lastSeq: sql`greatest(${aggregateProgress.lastSeq}, ${event.sequenceNumber})`, updatedAt: sql`now()` },
    });
}

export class PgProcessedEventsRegistry implements ProcessedEventsRegistry {
  constructor(private readonly db: Database) {}

  async claim(handler: string, event: EventEnvelope, leaseMs: number): Promise<ClaimOutcome> {
    const inserted = await this.db
      .insert(processedEvents)
      .values({
        handler,
        eventId: event.eventId,
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        sequenceNumber: event.sequenceNumber,
        status: 'claimed',
        attempts: 0,
        leaseUntil: leaseFor(leaseMs),
      })
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    if (inserted.length > 0) return 'claimed';
    // A failed attempt, or a claim whose holder died (lease expired), can be taken over.
    const taken = await this.db
      .update(processedEvents)
      .set({ status: 'claimed', leaseUntil: leaseFor(leaseMs), updatedAt: sql`now()` })
      .where(
        and(
          key(handler, event.eventId),
          sql`(${processedEvents.status} = 'failed' or (${processedEvents.status} = 'claimed' and ${processedEvents.leaseUntil} < now()))`,
        ),
      )
      .returning({ eventId: processedEvents.eventId });
    if (taken.length > 0) return 'claimed';
    const [row] = await this.db.select({ status: processedEvents.status }).from(processedEvents).where(key(handler, event.eventId));
    if (row?.status === 'done' || row?.status === 'skipped') return 'already-done';
    return row?.status === 'dead' ? 'dead' : 'busy';
  }

  async heartbeat(handler: string, eventId: string, leaseMs: number): Promise<void> {
    await this.db
      .update(processedEvents)
      .set({ leaseUntil: leaseFor(leaseMs), updatedAt: sql`now()` })
      .where(and(key(handler, eventId), eq(processedEvents.status, 'claimed')));
  }

  async release(handler: string, eventId: string, error: string): Promise<number> {
    const [row] = await this.db
      .update(processedEvents)
      .set({ status: 'failed', leaseUntil: null, attempts: sql`${processedEvents.attempts} + 1`, lastError: error, updatedAt: sql`now()` })
      .where(and(key(handler, eventId), eq(processedEvents.status, 'claimed')))
      .returning({ attempts: processedEvents.attempts });
    return row?.attempts ?? 0;
  }

  async markDead(handler: string, event: EventEnvelope, error: string): Promise<void> {
    await this.db
      .insert(processedEvents)
      .values({
        handler,
        eventId: event.eventId,
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        sequenceNumber: event.sequenceNumber,
        status: 'dead',
        attempts: 0,
        lastError: error,
      })
      .onConflictDoUpdate({
        target: [processedEvents.handler, processedEvents.eventId],
        set: { status: 'dead', leaseUntil: null, lastError: error, updatedAt: sql`now()` },
      });
  }

  async lastSeq(handler: string, aggregateType: string, aggregateId: string): Promise<number> {
    const [row] = await this.db
      .select({ lastSeq: aggregateProgress.lastSeq })
      .from(aggregateProgress)
      .where(and(eq(aggregateProgress.handler, handler), eq(aggregateProgress.aggregateType, aggregateType), eq(aggregateProgress.aggregateId, aggregateId)));
    return row?.lastSeq ?? 0;
  }

  async deadLetters(handler?: string): Promise<DeadLetter[]> {
    const rows = await this.db
      .select()
      .from(processedEvents)
      .where(and(eq(processedEvents.status, 'dead'), handler ? eq(processedEvents.handler, handler) : undefined))
      .orderBy(asc(processedEvents.aggregateType), asc(processedEvents.aggregateId), asc(processedEvents.sequenceNumber));
    return rows.map(toDeadLetter);
  }

  async redrive(handler: string, eventId: string): Promise<DeadLetter | null> {
    const [row] = await this.db
      .update(processedEvents)
      .set({ status: 'failed', attempts: 0, leaseUntil: null, updatedAt: sql`now()` })
      .where(and(key(handler, eventId), eq(processedEvents.status, 'dead')))
      .returning();
    return row ? toDeadLetter(row) : null;
  }
}

function toDeadLetter(row: typeof processedEvents.$inferSelect): DeadLetter {
  return {
    handler: row.handler,
    eventId: row.eventId,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    sequenceNumber: row.sequenceNumber,
    attempts: row.attempts,
    lastError: row.lastError,
    updatedAt: row.updatedAt.toISOString(),
  };
}

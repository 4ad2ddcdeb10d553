import { and, asc, eq, sql } from 'drizzle-orm';
import type { ClaimOutcome, DeadLetter, EventEnvelope, ProcessedEventsRegistry } from '@spice/domain';
import type { Database } from '../client';
import { aggregateProgress, handlerFences, processedEvents } from '../schema';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const leaseFor = (ms: number) => sql`now() + ${`${ms} milliseconds`}::interval`;
const key = (handler: string, eventId: string) => and(eq(processedEvents.handler, handler), eq(processedEvents.eventId, eventId));
const notFenced = (handler: string) =>
  sql`not exists (select 1 from ${handlerFences} where ${handlerFences.handler} = ${handler} and ${handlerFences.until} > now())`;
const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;

/** Forgets everything the registry holds for a handler: called inside a read model's rebuild. */
export async function resetHandlerInTx(tx: Tx, handler: string): Promise<void> {
  await tx.delete(processedEvents).where(eq(processedEvents.handler, handler));
  await tx.delete(aggregateProgress).where(eq(aggregateProgress.handler, handler));
}

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
      // Reached without a claim (a replay): no attempt failed.
      attempts: 0,
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
    // One statement each, checking the fence as it writes: a replay's `raise` then waits for it (see PgHandlerFence).
    const inserted = await this.db.execute(sql`
      insert into ${processedEvents} (handler, event_id, aggregate_type, aggregate_id, sequence_number, status, attempts, lease_until)
      select ${handler}::text, ${event.eventId}::text, ${event.aggregateType}::text, ${event.aggregateId}::text,
             ${event.sequenceNumber}::bigint, 'claimed', 0, ${leaseFor(leaseMs)}
      where ${notFenced(handler)}
      on conflict do nothing
      returning event_id`);
    if (rowsOf(inserted).length > 0) return 'claimed';
    // A failed attempt, or a claim whose holder died (lease expired), can be taken over.
    const taken = await this.db
      .update(processedEvents)
      .set({ status: 'claimed', leaseUntil: leaseFor(leaseMs), updatedAt: sql`now()` })
      .where(
        and(
          key(handler, event.eventId),
          sql`(${processedEvents.status} = 'failed' or (${processedEvents.status} = 'claimed' and ${processedEvents.leaseUntil} < now()))`,
          notFenced(handler),
        ),
      )
      .returning({ eventId: processedEvents.eventId });
    if (taken.length > 0) return 'claimed';
    const [row] = await this.db
      .select({ status: processedEvents.status, fenced: sql<boolean>`not ${notFenced(handler)}` })
      .from(processedEvents)
      .where(key(handler, event.eventId));
    // While a replay rebuilds the handler's registry, nothing it holds is final yet.
    if (!row || row.fenced) return 'busy';
    if (row.status === 'done' || row.status === 'skipped') return 'already-done';
    return row.status === 'dead' ? 'dead' : 'busy';
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
        // A replay under way owns the handler's rows: what it applies is done, not dead.
        setWhere: notFenced(handler),
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

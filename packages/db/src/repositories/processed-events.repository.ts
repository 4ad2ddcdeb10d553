import { and, asc, eq, sql } from 'drizzle-orm';
import type { ClaimOutcome, DeadLetter, EventEnvelope, ProcessedEventsRegistry, StreamRef } from '@spice/domain';
import type { Database } from '../client';
import { aggregateProgress, handlerFences, processedEvents } from '../schema';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const leaseFor = (ms: number) => sql`now() + ${`${ms} milliseconds`}::interval`;
const key = (handler: string, eventId: string) => and(eq(processedEvents.handler, handler), eq(processedEvents.eventId, eventId));
const notFenced = (handler: string) =>
  sql`not exists (select 1 from ${handlerFences} where ${handlerFences.handler} = ${handler} and ${handlerFences.until} > now())`;
const rowsOf = <T = unknown>(result: unknown) => (result as { rows: T[] }).rows;
/** Many values in one bind parameter, unpacked by the statement (one parameter whatever the batch size). */
const jsonParam = (value: unknown) => sql`${JSON.stringify(value)}::text::jsonb`;
const streamKey = (s: StreamRef) => JSON.stringify([s.aggregateType, s.aggregateId]);

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

/** `markDoneInTx` for many events in two statements: called inside a read model's batch commit. */
export async function markBatchDoneInTx(tx: Tx, handler: string, events: readonly EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  const done = [...new Map(events.map((e) => [e.eventId, e])).values()].map((e) => ({
    event_id: e.eventId,
    aggregate_type: e.aggregateType,
    aggregate_id: e.aggregateId,
    sequence_number: e.sequenceNumber,
  }));
  await tx.execute(sql`
    insert into processed_events (handler, event_id, aggregate_type, aggregate_id, sequence_number, status, attempts)
    select ${handler}::text, d.event_id, d.aggregate_type, d.aggregate_id, d.sequence_number, 'done', 0
    from jsonb_to_recordset(${jsonParam(done)}) as d (event_id text, aggregate_type text, aggregate_id text, sequence_number bigint)
    order by d.event_id
    on conflict (handler, event_id) do update set status = 'done', lease_until = null, updated_at = now()`);
  // One row per aggregate: an upsert may not touch the same row twice in one statement.
  const last = new Map<string, { aggregate_type: string; aggregate_id: string; last_seq: number }>();
  for (const e of events) {
    const key = streamKey(e);
    const seen = last.get(key);
    if (!seen || seen.last_seq < e.sequenceNumber) last.set(key, { aggregate_type: e.aggregateType, aggregate_id: e.aggregateId, last_seq: e.sequenceNumber });
  }
  await tx.execute(sql`
    insert into aggregate_progress (handler, aggregate_type, aggregate_id, last_seq)
    select ${handler}::text, p.aggregate_type, p.aggregate_id, p.last_seq
    from jsonb_to_recordset(${jsonParam([...last.values()])}) as p (aggregate_type text, aggregate_id text, last_seq bigint)
    order by p.aggregate_type, p.aggregate_id
    on conflict (handler, aggregate_type, aggregate_id)
    do update set last_seq = greatest(aggregate_progress.last_seq, excluded.last_seq), updated_at = now()`);
}

export class PgProcessedEventsRegistry implements ProcessedEventsRegistry {
  constructor(private readonly db: Database) {}

  async claim(handler: string, event: EventEnvelope, leaseMs: number, owner?: string): Promise<ClaimOutcome> {
    return (await this.claimBatch(handler, [event], leaseMs, owner)).get(event.eventId)!;
  }

  /**
   * One statement, checking the fence as it writes (a replay's `raise` then waits for it, see PgHandlerFence):
   * new events are inserted as claimed; failed ones, ones whose lease ran out and the owner's own are taken
   * over. Rows another claim statement is taking over at this moment are skipped (busy) rather than waited
   * for, and rows are written in event-id order, so two batches never wait on each other in a cycle.
   */
  async claimBatch(handler: string, events: readonly EventEnvelope[], leaseMs: number, owner?: string): Promise<ReadonlyMap<string, ClaimOutcome>> {
    if (events.length === 0) return new Map();
    const input = [...new Map(events.map((e) => [e.eventId, e])).values()].map((e) => ({
      event_id: e.eventId,
      aggregate_type: e.aggregateType,
      aggregate_id: e.aggregateId,
      sequence_number: e.sequenceNumber,
    }));
    const claimant = owner ?? null;
    const result = await this.db.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${jsonParam(input)})
          as i (event_id text, aggregate_type text, aggregate_id text, sequence_number bigint)
      ),
      fence as (select not ${notFenced(handler)} as up),
      inserted as (
        insert into processed_events (handler, event_id, aggregate_type, aggregate_id, sequence_number, status, attempts, lease_until, claim_owner)
        select ${handler}::text, i.event_id, i.aggregate_type, i.aggregate_id, i.sequence_number, 'claimed', 0, ${leaseFor(leaseMs)}, ${claimant}::text
        from input i
        where not (select up from fence)
        order by i.event_id
        on conflict do nothing
        returning event_id
      ),
      takeable as (
        select p.event_id from processed_events p
        where p.handler = ${handler}::text
          and p.event_id in (select event_id from input)
          and (p.status = 'failed'
               or (p.status = 'claimed' and (p.lease_until < now() or p.claim_owner = ${claimant}::text)))
          and not (select up from fence)
        order by p.event_id
        for update skip locked
      ),
      taken as (
        update processed_events p
        set status = 'claimed', lease_until = ${leaseFor(leaseMs)}, claim_owner = ${claimant}::text, updated_at = now()
        where p.handler = ${handler}::text and p.event_id in (select event_id from takeable)
        returning p.event_id
      )
      select i.event_id,
        case
          when i.event_id in (select event_id from inserted) or i.event_id in (select event_id from taken) then 'claimed'
          -- While a replay rebuilds the handler's registry, nothing it holds is final yet.
          when (select up from fence) or p.status is null then 'busy'
          when p.status in ('done', 'skipped') then 'already-done'
          when p.status = 'dead' then 'dead'
          else 'busy'
        end as outcome
      from input i
      left join processed_events p on p.handler = ${handler}::text and p.event_id = i.event_id`);
    return new Map(rowsOf<{ event_id: string; outcome: ClaimOutcome }>(result).map((r) => [r.event_id, r.outcome]));
  }

  async heartbeat(handler: string, eventId: string, leaseMs: number): Promise<void> {
    await this.db
      .update(processedEvents)
      .set({ leaseUntil: leaseFor(leaseMs), updatedAt: sql`now()` })
      .where(and(key(handler, eventId), eq(processedEvents.status, 'claimed')));
  }

  async heartbeatBatch(handler: string, eventIds: readonly string[], leaseMs: number): Promise<void> {
    if (eventIds.length === 0) return;
    await this.db.execute(sql`
      update processed_events set lease_until = ${leaseFor(leaseMs)}, updated_at = now()
      where handler = ${handler}::text and status = 'claimed'
        and event_id in (select jsonb_array_elements_text(${jsonParam(eventIds)}))`);
  }

  async abandon(handler: string, eventIds: readonly string[], owner: string): Promise<void> {
    if (eventIds.length === 0) return;
    // A lease that ended a moment ago: claimable by anyone, and not in flight for a replay's drain.
    await this.db.execute(sql`
      update processed_events set lease_until = now() - interval '1 second', updated_at = now()
      where handler = ${handler}::text and status = 'claimed' and claim_owner = ${owner}::text
        and event_id in (select jsonb_array_elements_text(${jsonParam(eventIds)}))`);
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

  async lastSeqBatch(handler: string, streams: readonly StreamRef[]): Promise<number[]> {
    if (streams.length === 0) return [];
    const wanted = [...new Map(streams.map((s) => [streamKey(s), { aggregate_type: s.aggregateType, aggregate_id: s.aggregateId }])).values()];
    const result = await this.db.execute(sql`
      select a.aggregate_type, a.aggregate_id, a.last_seq
      from aggregate_progress a
      join jsonb_to_recordset(${jsonParam(wanted)}) as w (aggregate_type text, aggregate_id text)
        on a.aggregate_type = w.aggregate_type and a.aggregate_id = w.aggregate_id
      where a.handler = ${handler}::text`);
    const found = new Map(
      rowsOf<{ aggregate_type: string; aggregate_id: string; last_seq: string | number }>(result).map((r) => [
        streamKey({ aggregateType: r.aggregate_type, aggregateId: r.aggregate_id }),
        Number(r.last_seq),
      ]),
    );
    return streams.map((s) => found.get(streamKey(s)) ?? 0);
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

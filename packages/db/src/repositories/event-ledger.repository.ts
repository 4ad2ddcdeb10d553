import { and, asc, eq, gt, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import {
  conflict,
  EVENT_ID_REUSED,
  SEQUENCE_CONFLICT,
  type EventEnvelope,
  type EventLedger,
  type LedgerBatch,
  type ReserveOutcome,
  type ReserveRequest,
} from '@spice/domain';
import type { Database } from '../client';
import { aggregateProgress, aggregateSequences, eventIds, eventLedger } from '../schema';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** A consumer handler and the aggregate types it processes: the appends whose progress it keeps. */
export interface HandlerScope {
  readonly handler: string;
  readonly aggregateTypes: readonly string[];
}

/** The ledger on PostgreSQL / PGlite: a row lock per aggregate is held while the event object is written. */
export class PgEventLedger implements EventLedger {
  constructor(private readonly db: Database) {}

  async reserve(
    request: ReserveRequest,
    write: (firstSeq: number) => Promise<{ streamKey: string; events: readonly EventEnvelope[] }>,
  ): Promise<ReserveOutcome> {
    return this.db.transaction(async (tx) => {
      const current = await this.lockPosition(tx, request.aggregateType, request.aggregateId);
      // Checked under the aggregate's lock, so a retried append and its original can't both pass.
      const repeat = await this.repeatedEvents(tx, request);
      if (repeat) return { kind: 'duplicate', events: repeat };
      if (current !== request.expectedSeq) {
        throw conflict(SEQUENCE_CONFLICT, `The stream changed: expected sequence ${request.expectedSeq}, current is ${current}`, {
          expectedSeq: request.expectedSeq,
          currentSeq: current,
        });
      }
      const { streamKey, events } = await write(current + 1);
      await this.record(tx, { streamKey, events }, request.eventIds.map((e) => e.payloadHash));
      return { kind: 'appended', events };
    });
  }

  async recover(batch: { streamKey: string; events: readonly EventEnvelope[] }, payloadHashes: readonly string[]): Promise<void> {
    await this.record(this.db, batch, payloadHashes);
  }

  async current(aggregateType: string, aggregateId: string): Promise<number> {
    const [row] = await this.db
      .select({ lastSeq: aggregateSequences.lastSeq })
      .from(aggregateSequences)
      .where(and(eq(aggregateSequences.aggregateType, aggregateType), eq(aggregateSequences.aggregateId, aggregateId)));
    return row?.lastSeq ?? 0;
  }

  async unpublished(limit: number): Promise<LedgerBatch[]> {
    const rows = await this.db.select().from(eventLedger).where(isNull(eventLedger.publishedAt)).orderBy(asc(eventLedger.position)).limit(limit);
    return rows.map(toBatch);
  }

  async markPublished(positions: readonly string[]): Promise<void> {
    if (positions.length === 0) return;
    // One array parameter rather than one parameter per position: a relay cycle marks a thousand at a time.
    await this.db
      .update(eventLedger)
      .set({ publishedAt: sql`now()` })
      .where(sql`${eventLedger.position} = any(${`{${positions.join(',')}}`}::bigint[])`);
  }

  async rewind(position: string): Promise<void> {
    await this.db.update(eventLedger).set({ publishedAt: null }).where(gte(eventLedger.position, Number(position)));
  }

  /**
   * Marks unpublished again every append that one of `handlers` may not have processed: its stream's progress
   * for that handler (aggregate_progress, advanced in the handler's own commit) is below the append's last
   * sequence, or the handler has none yet. What every handler is past stays published, so a bus that lost
   * its messages is refilled with only what is still owed. Returns how many appends were marked.
   */
  async rewindUnprocessed(handlers: readonly HandlerScope[]): Promise<number> {
    const scope = handlers.flatMap((h) => h.aggregateTypes.map((aggregateType) => ({ handler: h.handler, aggregate_type: aggregateType })));
    if (scope.length === 0) return 0;
    const result = await this.db.execute(sql`
      with marked as (
        update ${eventLedger} l set published_at = null
        where l.published_at is not null
          and exists (
            select 1
            from jsonb_to_recordset(${JSON.stringify(scope)}::jsonb) as s(handler text, aggregate_type text)
            left join ${aggregateProgress} p
              on p.handler = s.handler and p.aggregate_type = l.aggregate_type and p.aggregate_id = l.aggregate_id
            where s.aggregate_type = l.aggregate_type and l.last_seq > coalesce(p.last_seq, 0))
        returning 1)
      select count(*)::int as marked from marked`);
    return (result as unknown as { rows: { marked: number }[] }).rows[0]!.marked;
  }

  async readAll(afterPosition: string | null, limit: number): Promise<LedgerBatch[]> {
    const rows = await this.db
      .select()
      .from(eventLedger)
      .where(afterPosition === null ? undefined : gt(eventLedger.position, Number(afterPosition)))
      .orderBy(asc(eventLedger.position))
      .limit(limit);
    return rows.map(toBatch);
  }

  /** The original events when every id was appended before with the same content; null when none was. */
  private async repeatedEvents(tx: Tx, request: ReserveRequest): Promise<EventEnvelope[] | null> {
    const ids = request.eventIds.map((e) => e.eventId);
    const known = await tx.select().from(eventIds).where(inArray(eventIds.eventId, ids));
    if (known.length === 0) return null;
    const byId = new Map(known.map((k) => [k.eventId, k]));
    const same =
      known.length === ids.length &&
      request.eventIds.every((e) => {
        const k = byId.get(e.eventId)!;
        return k.payloadHash === e.payloadHash && k.aggregateType === request.aggregateType && k.aggregateId === request.aggregateId;
      });
    if (!same) {
      throw conflict(EVENT_ID_REUSED, `Event id ${known.map((k) => k.eventId).join(', ')} was already used for other content`, {
        eventIds: known.map((k) => k.eventId),
      });
    }
    const seqs = known.map((k) => k.sequenceNumber);
    const rows = await tx
      .select()
      .from(eventLedger)
      .where(
        and(
          eq(eventLedger.aggregateType, request.aggregateType),
          eq(eventLedger.aggregateId, request.aggregateId),
          lte(eventLedger.firstSeq, Math.max(...seqs)),
          gte(eventLedger.lastSeq, Math.min(...seqs)),
        ),
      );
    const wanted = new Set(ids);
    const events = rows.flatMap((r) => toBatch(r).events).filter((e) => wanted.has(e.eventId));
    return ids.map((id) => events.find((e) => e.eventId === id)!);
  }

  /** Locks the aggregate's position for the rest of the transaction and returns it; the first append creates it. */
  private async lockPosition(tx: Tx, aggregateType: string, aggregateId: string): Promise<number> {
    const locked = () =>
      tx
        .select({ lastSeq: aggregateSequences.lastSeq })
        .from(aggregateSequences)
        .where(and(eq(aggregateSequences.aggregateType, aggregateType), eq(aggregateSequences.aggregateId, aggregateId)))
        .for('update');
    const [row] = await locked();
    if (row) return row.lastSeq;
    // A concurrent first append's insert makes this one wait for its commit, then the select locks its row.
    await tx.insert(aggregateSequences).values({ aggregateType, aggregateId, lastSeq: 0 }).onConflictDoNothing();
    const [created] = await locked();
    return created!.lastSeq;
  }

  /** The ledger row, the event ids and the aggregate's new last sequence, in one statement (one round trip). */
  private async record(
    db: Tx | Database,
    batch: { streamKey: string; events: readonly EventEnvelope[] },
    payloadHashes: readonly string[],
  ): Promise<void> {
    const first = batch.events[0]!;
    const lastSeq = batch.events.at(-1)!.sequenceNumber;
    const ids = batch.events.map((e, i) => ({ event_id: e.eventId, payload_hash: payloadHashes[i]!, sequence_number: e.sequenceNumber }));
    await db.execute(sql`
      with ledger as (
        insert into ${eventLedger} (aggregate_type, aggregate_id, first_seq, last_seq, stream_key, events)
        values (${first.aggregateType}, ${first.aggregateId}, ${first.sequenceNumber}, ${lastSeq}, ${batch.streamKey}, ${JSON.stringify(batch.events)}::jsonb)
        on conflict do nothing
      ), ids as (
        insert into ${eventIds} (event_id, payload_hash, aggregate_type, aggregate_id, sequence_number)
        select e.event_id, e.payload_hash, ${first.aggregateType}::text, ${first.aggregateId}::text, e.sequence_number
        from jsonb_to_recordset(${JSON.stringify(ids)}::jsonb) as e(event_id text, payload_hash text, sequence_number bigint)
        on conflict do nothing
      )
      insert into ${aggregateSequences} (aggregate_type, aggregate_id, last_seq)
      values (${first.aggregateType}, ${first.aggregateId}, ${lastSeq})
      on conflict (aggregate_type, aggregate_id)
        do update set last_seq = greatest(${aggregateSequences.lastSeq}, excluded.last_seq), updated_at = now()`);
  }
}

function toBatch(row: typeof eventLedger.$inferSelect): LedgerBatch {
  return { position: String(row.position), streamKey: row.streamKey, events: row.events as EventEnvelope[] };
}

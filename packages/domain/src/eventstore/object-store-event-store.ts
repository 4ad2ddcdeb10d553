import type { ObjectStore } from '../ports/object-store.port';
import { OBJECT_ALREADY_EXISTS } from '../ports/object-store.port';
import type { Clock, IdGenerator } from '../ports/clock.port';
import { conflict, DomainError, invalid, isDomainError } from '../shared/errors';
import { contentHash } from '../shared/stable-hash';
import { aggregateIdKeySegment, normaliseAggregateId } from './aggregate-id';
import { ZEventEnvelope, type EventEnvelope } from './envelope';
import type { EventLedger, LedgerBatch } from './event-ledger.port';
import type { AppendRequest, AppendResult, EventStore } from './event-store.port';

const SEQ_DIGITS = 12;
const READ_CONCURRENCY = 16;
/** How many parsed event objects are kept in memory for re-reads. */
const RECENT_BATCHES = 256;
export const SEQUENCE_CONFLICT = 'EVENT_STORE.SEQUENCE_CONFLICT';
export const EVENT_ID_REUSED = 'EVENT_STORE.EVENT_ID_REUSED';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Raised inside the ledger's lock when the store already holds the position: the ledger is behind. */
class PositionTaken extends Error {}

/** What an event id is bound to: reusing the id for anything else is refused. */
export function eventFingerprint(e: Pick<EventEnvelope, 'aggregateType' | 'aggregateId' | 'eventType' | 'schemaVersion' | 'payload'>): string {
  return contentHash({ a: e.aggregateType, i: e.aggregateId, t: e.eventType, v: e.schemaVersion, p: e.payload });
}

/**
 * The event store: each append is one immutable object holding the command's events, written
 * create-if-absent at `streams/<type>/<id>/<first seq>` so the object store itself refuses a second append at
 * the same position. The ledger (relational) reserves positions, guards event ids and records each append for
 * the relay, in one transaction that commits only after the object is written.
 */
export class ObjectStoreEventStore implements EventStore {
  private readonly recentBatches = new Map<string, EventEnvelope[]>();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly objects: ObjectStore,
    private readonly ledger: EventLedger,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    try {
      return await this.appendOnce(request);
    } catch (e) {
      const ledgerBehind = isDomainError(e) && e.code === SEQUENCE_CONFLICT && Number(e.context.currentSeq) < request.expectedSeq;
      if (!ledgerBehind) throw e;
      // The caller read the stream from the store, which holds an append the ledger missed (a crash or an
      // outage between the object write and the ledger commit): the store wins, so repair and try once more.
      await this.repair(request.aggregateType, request.aggregateId);
      return this.appendOnce(request);
    }
  }

  private async appendOnce(request: AppendRequest): Promise<AppendResult> {
    if (request.events.length === 0) throw invalid('EVENT_STORE.EMPTY_APPEND', 'An append needs at least one event');
    const aggregateId = normaliseAggregateId(request.aggregateId);
    const { aggregateType } = request;
    const eventIds = request.events.map((e) => ({
      eventId: e.eventId ?? this.ids.uuid(),
      payloadHash: eventFingerprint({ aggregateType, aggregateId, eventType: e.eventType, schemaVersion: e.schemaVersion, payload: e.payload }),
    }));
    let written: { streamKey: string; eventIds: readonly string[] } | undefined;
    try {
      const outcome = await this.ledger.reserve(
        { aggregateType, aggregateId, count: request.events.length, expectedSeq: request.expectedSeq, eventIds },
        async (firstSeq) => {
          const events = this.envelopes(request, aggregateId, firstSeq, eventIds.map((e) => e.eventId));
          const streamKey = this.streamKey(aggregateType, aggregateId, firstSeq);
          written = { streamKey, eventIds: events.map((e) => e.eventId) };
          try {
            await this.objects.putIfAbsent(streamKey, encoder.encode(JSON.stringify({ events })), { contentType: 'application/json' });
          } catch (e) {
            if (isDomainError(e) && e.code === OBJECT_ALREADY_EXISTS) throw new PositionTaken();
            throw e;
          }
          return { streamKey, events };
        },
      );
      if (outcome.kind === 'appended') this.wakeWaiters();
      return { events: outcome.events, lastSeq: outcome.events.at(-1)!.sequenceNumber, duplicate: outcome.kind === 'duplicate' };
    } catch (e) {
      if (!(e instanceof PositionTaken)) throw e;
      const storeSeq = await this.repair(aggregateType, aggregateId);
      const ours = written && (await this.ownBatch(written));
      if (ours) return { events: ours, lastSeq: ours.at(-1)!.sequenceNumber, duplicate: false };
      throw conflict(SEQUENCE_CONFLICT, `The stream changed: expected sequence ${request.expectedSeq}, current is ${storeSeq}`, {
        expectedSeq: request.expectedSeq,
        currentSeq: storeSeq,
      });
    }
  }

  /**
   * The batch at the position this append wrote, when it holds exactly this append's events. An object store
   * that retries a create-if-absent whose answer was lost finds the key taken — by the first try: the append
   * happened (repair has just recorded it in the ledger), and is no conflict.
   */
  private async ownBatch(written: { streamKey: string; eventIds: readonly string[] }): Promise<EventEnvelope[] | null> {
    const [stored] = await this.getBatches([written.streamKey]);
    const ids = stored?.map((e) => e.eventId) ?? [];
    return ids.length === written.eventIds.length && ids.every((id, i) => id === written.eventIds[i]) ? stored! : null;
  }

  async readStream(aggregateType: string, rawId: string, fromSeq = 1): Promise<EventEnvelope[]> {
    const aggregateId = normaliseAggregateId(rawId);
    const prefix = this.streamPrefix(aggregateType, aggregateId);
    const keys = await this.listAll(prefix);
    const starts = keys.map((k) => Number(k.slice(prefix.length)));
    const firstNeeded = Math.max(0, starts.findLastIndex((s) => s <= fromSeq));
    const batches = await this.getBatches(keys.slice(firstNeeded));
    return batches.flat().filter((e) => e.sequenceNumber >= fromSeq);
  }

  unpublished(limit: number): Promise<LedgerBatch[]> {
    return this.ledger.unpublished(limit);
  }

  markPublished(positions: readonly string[]): Promise<void> {
    return this.ledger.markPublished(positions);
  }

  readAll(afterPosition: string | null, limit: number): Promise<LedgerBatch[]> {
    return this.ledger.readAll(afterPosition, limit);
  }

  async repair(aggregateType: string, rawId: string): Promise<number> {
    const aggregateId = normaliseAggregateId(rawId);
    const known = await this.ledger.current(aggregateType, aggregateId);
    const prefix = this.streamPrefix(aggregateType, aggregateId);
    const allKeys = await this.listAll(prefix);
    const starts = allKeys.map((k) => Number(k.slice(prefix.length)));
    // Only batches that may reach past what the ledger knows: the last one starting at or before it, and later ones.
    const keys = allKeys.slice(Math.max(0, starts.findLastIndex((s) => s <= known)));
    const batches = await this.getBatches(keys);
    let last = known;
    for (const [i, events] of batches.entries()) {
      const batchLast = events.at(-1)!.sequenceNumber;
      if (batchLast <= known) continue;
      await this.ledger.recover({ streamKey: keys[i]!, events }, events.map(eventFingerprint));
      last = Math.max(last, batchLast);
    }
    if (last > known) this.wakeWaiters();
    return last;
  }

  waitForAppend(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const waiters = this.waiters;
      function done() {
        clearTimeout(timer);
        const i = waiters.indexOf(done);
        if (i >= 0) waiters.splice(i, 1);
        resolve();
      }
      waiters.push(done);
    });
  }

  private wakeWaiters() {
    for (const w of this.waiters.splice(0)) w();
  }

  private envelopes(request: AppendRequest, aggregateId: string, firstSeq: number, eventIds: readonly string[]): EventEnvelope[] {
    const occurredAt = this.clock.now().toISOString();
    const correlationId = request.context.correlationId ?? request.context.commandId;
    return request.events.map((event, i) => ({
      eventId: eventIds[i]!,
      commandId: request.context.commandId,
      aggregateType: request.aggregateType,
      aggregateId,
      sequenceNumber: firstSeq + i,
      eventType: event.eventType,
      schemaVersion: event.schemaVersion,
      occurredAt,
      actor: request.context.actor,
      payload: event.payload,
      metadata: { kind: 'domain', causationId: request.context.causationId ?? request.context.commandId, correlationId },
    }));
  }

  private streamPrefix(aggregateType: string, aggregateId: string): string {
    return `streams/${aggregateIdKeySegment(aggregateType)}/${aggregateIdKeySegment(aggregateId)}/`;
  }

  private streamKey(aggregateType: string, aggregateId: string, firstSeq: number): string {
    return this.streamPrefix(aggregateType, aggregateId) + String(firstSeq).padStart(SEQ_DIGITS, '0');
  }

  private async listAll(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    for (;;) {
      const page = await this.objects.list(prefix, { ...(keys.length ? { startAfter: keys.at(-1)! } : {}), limit: 1000 });
      keys.push(...page);
      if (page.length < 1000) return keys;
    }
  }

  /**
   * Event objects are immutable, so a batch read once can be served again from memory: a stream's last batch is
   * read on every catch-up (it may hold the sequence asked for), and it can be a large import.
   */
  private remember(key: string, events: EventEnvelope[]): void {
    this.recentBatches.delete(key);
    this.recentBatches.set(key, events);
    if (this.recentBatches.size > RECENT_BATCHES) this.recentBatches.delete(this.recentBatches.keys().next().value!);
  }

  private async getBatches(keys: readonly string[]): Promise<EventEnvelope[][]> {
    const out: EventEnvelope[][] = new Array(keys.length);
    let next = 0;
    const worker = async () => {
      while (next < keys.length) {
        const i = next++;
        const remembered = this.recentBatches.get(keys[i]!);
        if (remembered) {
          out[i] = remembered;
          continue;
        }
        const bytes = await this.objects.get(keys[i]!);
        if (!bytes) throw new DomainError({ code: 'EVENT_STORE.MISSING_OBJECT', kind: 'unavailable', message: `Event object ${keys[i]} vanished` });
        const parsed = JSON.parse(decoder.decode(bytes)) as { events: unknown[] };
        out[i] = parsed.events.map((e) => ZEventEnvelope.parse(e));
        this.remember(keys[i]!, out[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, keys.length) }, worker));
    return out;
  }
}

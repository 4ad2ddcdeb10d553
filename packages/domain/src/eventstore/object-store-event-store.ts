import type { ObjectStore } from '../ports/object-store.port';
import { OBJECT_ALREADY_EXISTS } from '../ports/object-store.port';
import type { Clock, IdGenerator } from '../ports/clock.port';
import { conflict, DomainError, invalid, isDomainError } from '../shared/errors';
import { aggregateIdKeySegment, normaliseAggregateId } from './aggregate-id';
import { ZEventEnvelope, type EventEnvelope } from './envelope';
import type { AppendRequest, AppendResult, EventStore, IndexedBatch } from './event-store.port';
import type { SequenceAllocator } from './sequence-allocator.port';

const SEQ_DIGITS = 12;
const TIME_DIGITS = 13;
const READ_CONCURRENCY = 16;
export const SEQUENCE_CONFLICT = 'EVENT_STORE.SEQUENCE_CONFLICT';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Raised inside the allocator's lock when the store already holds the position: the allocator is behind. */
class PositionTaken extends Error {}

/**
 * The event store over an object store. Each append is one immutable object holding the command's events,
 * written create-if-absent at `streams/<type>/<id>/<first seq>`, so the store itself refuses a second event
 * at the same position; a copy goes to `index/<time>-<event id>` for the relay to tail in time order.
 */
export class ObjectStoreEventStore implements EventStore {
  private waiters: (() => void)[] = [];

  constructor(
    private readonly objects: ObjectStore,
    private readonly allocator: SequenceAllocator,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    if (request.events.length === 0) throw invalid('EVENT_STORE.EMPTY_APPEND', 'An append needs at least one event');
    const aggregateId = normaliseAggregateId(request.aggregateId);
    const { aggregateType } = request;
    try {
      const events = await this.allocator.reserve(
        aggregateType,
        aggregateId,
        request.events.length,
        request.expectedSeq,
        async (firstSeq) => {
          const envelopes = this.envelopes(request, aggregateId, firstSeq);
          const body = encoder.encode(JSON.stringify({ events: envelopes }));
          try {
            await this.objects.putIfAbsent(this.streamKey(aggregateType, aggregateId, firstSeq), body, {
              contentType: 'application/json',
            });
          } catch (e) {
            if (isDomainError(e) && e.code === OBJECT_ALREADY_EXISTS) throw new PositionTaken();
            throw e;
          }
          await this.objects.put(`index/${this.indexPosition(envelopes[0]!)}`, body, { contentType: 'application/json' });
          return envelopes;
        },
      );
      this.wakeWaiters();
      return { events, lastSeq: events[events.length - 1]!.sequenceNumber };
    } catch (e) {
      if (!(e instanceof PositionTaken)) throw e;
      const storeSeq = await this.lastSeqInStore(aggregateType, aggregateId);
      await this.allocator.repair(aggregateType, aggregateId, storeSeq);
      throw conflict(SEQUENCE_CONFLICT, `The stream changed: expected sequence ${request.expectedSeq}, current is ${storeSeq}`, {
        expectedSeq: request.expectedSeq,
        currentSeq: storeSeq,
      });
    }
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

  async readIndex(afterPosition: string | null, limit: number): Promise<IndexedBatch[]> {
    const keys = await this.objects.list('index/', {
      ...(afterPosition ? { startAfter: `index/${afterPosition}` } : {}),
      limit,
    });
    const batches = await this.getBatches(keys);
    return keys.map((k, i) => ({ position: k.slice('index/'.length), events: batches[i]! }));
  }

  positionBefore(position: string, ms: number): string {
    const time = Number(position.slice(0, TIME_DIGITS));
    return String(Math.max(0, time - ms)).padStart(TIME_DIGITS, '0');
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

  private envelopes(request: AppendRequest, aggregateId: string, firstSeq: number): EventEnvelope[] {
    const occurredAt = this.clock.now().toISOString();
    const correlationId = request.context.correlationId ?? request.context.commandId;
    return request.events.map((event, i) => ({
      eventId: this.ids.uuid(),
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

  private indexPosition(first: EventEnvelope): string {
    return `${String(Date.parse(first.occurredAt)).padStart(TIME_DIGITS, '0')}-${first.eventId}`;
  }

  private streamPrefix(aggregateType: string, aggregateId: string): string {
    return `streams/${aggregateIdKeySegment(aggregateType)}/${aggregateIdKeySegment(aggregateId)}/`;
  }

  private streamKey(aggregateType: string, aggregateId: string, firstSeq: number): string {
    return this.streamPrefix(aggregateType, aggregateId) + String(firstSeq).padStart(SEQ_DIGITS, '0');
  }

  private async lastSeqInStore(aggregateType: string, aggregateId: string): Promise<number> {
    const keys = await this.listAll(this.streamPrefix(aggregateType, aggregateId));
    const lastKey = keys.at(-1);
    if (!lastKey) return 0;
    const [batch] = await this.getBatches([lastKey]);
    return batch!.at(-1)!.sequenceNumber;
  }

  private async listAll(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    for (;;) {
      const page = await this.objects.list(prefix, { ...(keys.length ? { startAfter: keys.at(-1)! } : {}), limit: 1000 });
      keys.push(...page);
      if (page.length < 1000) return keys;
    }
  }

  private async getBatches(keys: readonly string[]): Promise<EventEnvelope[][]> {
    const out: EventEnvelope[][] = new Array(keys.length);
    let next = 0;
    const worker = async () => {
      while (next < keys.length) {
        const i = next++;
        const bytes = await this.objects.get(keys[i]!);
        if (!bytes) throw new DomainError({ code: 'EVENT_STORE.MISSING_OBJECT', kind: 'unavailable', message: `Event object ${keys[i]} vanished` });
        const parsed = JSON.parse(decoder.decode(bytes)) as { events: unknown[] };
        out[i] = parsed.events.map((e) => ZEventEnvelope.parse(e));
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, keys.length) }, worker));
    return out;
  }
}

import { ZEventEnvelope, type EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { IncomingMessage, MessageBus } from '../ports/message-bus.port';
import type { ProcessedEventsRegistry, StreamRef } from '../ports/processed-events.port';
import { unavailable } from '../shared/errors';

export const DEAD_LETTER_TOPIC = 'spice.events.dlq';
export const CLAIM_BUSY = 'CONSUMER.CLAIM_BUSY';

export interface ConsumerPolicy {
  readonly leaseMs: number;
  /** Failed attempts after which an event is dead-lettered. */
  readonly maxAttempts: number;
  /** Delay before attempt n+1 is min(baseMs * 2^(n-1), maxMs). */
  readonly backoff: { readonly baseMs: number; readonly maxMs: number };
}

export const DEFAULT_CONSUMER_POLICY: ConsumerPolicy = { leaseMs: 30_000, maxAttempts: 5, backoff: { baseMs: 200, maxMs: 5_000 } };

export interface ConsumerHandler {
  /** The registry key: one name per read model or side effect. */
  readonly name: string;
  accepts(event: EventEnvelope): boolean;
  /** Performs the side effect and commits it with the registry (done + last sequence) atomically. */
  apply(event: EventEnvelope): Promise<void>;
  /**
   * `apply` for many claimed events, committed with the registry in one transaction: all or nothing. The
   * events come grouped by stream, each stream's in sequence order without gaps, none applied yet. A handler
   * without it has a batch applied event by event.
   */
  applyBatch?(events: readonly EventEnvelope[]): Promise<void>;
}

export interface ConsumerDeps {
  readonly events: EventStore;
  readonly registry: ProcessedEventsRegistry;
  readonly bus: MessageBus;
  /**
   * This consumer's name on its claims, unique per instance: it takes its own claims back at once (after a
   * database outage cut an apply short) where another consumer waits for the lease. Default: a random one.
   */
  readonly owner?: string;
}

export function backoffDelay(policy: ConsumerPolicy, failedAttempts: number): number {
  return Math.min(policy.backoff.baseMs * 2 ** Math.max(0, failedAttempts - 1), policy.backoff.maxMs);
}

class BlockedByDeadLetter extends Error {
  constructor(readonly deadEventId: string) {
    super(`blocked behind dead-lettered event ${deadEventId}`);
  }
}

/** One stream's part of a batch: what was delivered, and the run of events from its last sequence on. */
interface StreamRun {
  readonly stream: StreamRef;
  /** Delivered events newer than the stream's last sequence, in sequence order, one per sequence number. */
  readonly delivered: readonly EventEnvelope[];
  /** Every accepted event after the last sequence up to the newest delivered one (gaps filled from the store). */
  readonly events: readonly EventEnvelope[];
}

/**
 * Runs one handler over bus messages exactly once per event: stale sequence numbers are skipped, gaps are
 * filled from the event store in order, each event is claimed (unique gate + lease, kept alive by a
 * heartbeat), and a failing event is retried with exponential backoff, then dead-lettered. Later events of
 * a stream with a dead letter are dead-lettered behind it, so a re-drive replays them in order.
 *
 * `handleBatch` does the same for many messages with a fixed number of round trips: one last-sequence query,
 * one claim statement and one `applyBatch` of the handler. Whatever does not fit that path goes through the
 * per-event one: streams with an event busy elsewhere or dead-lettered, and, when the batch apply fails, the
 * whole batch, so a poison event is retried and dead-lettered on its own.
 */
export class IdempotentConsumer {
  private readonly owner: string;

  constructor(
    private readonly handler: ConsumerHandler,
    private readonly deps: ConsumerDeps,
    private readonly policy: ConsumerPolicy = DEFAULT_CONSUMER_POLICY,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    // Only needs to differ between live consumer instances; it is never used as a secret.
    this.owner = deps.owner ?? `consumer-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  }

  async handleMessage(message: IncomingMessage): Promise<void> {
    const event = await this.readable(message);
    if (event && this.handler.accepts(event)) await this.handleEvent(event);
  }

  async handleBatch(messages: readonly IncomingMessage[]): Promise<void> {
    const accepted: EventEnvelope[] = [];
    for (const message of messages) {
      const event = await this.readable(message);
      if (event && this.handler.accepts(event)) accepted.push(event);
    }
    const runs = await this.streamRuns(accepted);
    if (runs.length === 0) return;
    const { registry } = this.deps;
    const outcomes = await registry.claimBatch(this.handler.name, runs.flatMap((r) => r.events), this.policy.leaseMs, this.owner);
    const claimed: EventEnvelope[] = [];
    const contested: StreamRun[] = [];
    const giveBack: string[] = [];
    for (const run of runs) {
      const mine = run.events.filter((e) => outcomes.get(e.eventId) === 'claimed');
      if (run.events.every((e) => ['claimed', 'already-done'].includes(outcomes.get(e.eventId) ?? 'busy'))) claimed.push(...mine);
      else {
        contested.push(run);
        giveBack.push(...mine.map((e) => e.eventId));
      }
    }
    // A stream with an event busy elsewhere or dead must wait or queue behind it, event by event as always;
    // its other claims go back untried, so whoever holds the busy one can go on at once.
    await registry.abandon(this.handler.name, giveBack, this.owner);
    let failure = await this.applyClaimed(claimed);
    for (const run of contested) {
      try {
        for (const event of run.delivered) await this.handleEvent(event);
      } catch (e) {
        failure ??= { error: e };
      }
    }
    if (failure) throw failure.error;
  }

  private async readable(message: IncomingMessage): Promise<EventEnvelope | null> {
    const parsed = ZEventEnvelope.safeParse(safeJson(message.value));
    if (parsed.success) return parsed.data;
    await this.deadLetterRaw(message, `unreadable event: ${parsed.error.issues[0]?.message ?? 'not JSON'}`);
    return null;
  }

  private async handleEvent(event: EventEnvelope): Promise<void> {
    const last = await this.deps.registry.lastSeq(this.handler.name, event.aggregateType, event.aggregateId);
    if (event.sequenceNumber <= last) return;
    try {
      if (event.sequenceNumber > last + 1) {
        const missing = await this.deps.events.readStream(event.aggregateType, event.aggregateId, last + 1);
        for (const m of missing.filter((e) => e.sequenceNumber < event.sequenceNumber && this.handler.accepts(e))) await this.process(m);
      }
      await this.process(event);
    } catch (e) {
      if (!(e instanceof BlockedByDeadLetter)) throw e;
      if (e.deadEventId === event.eventId) return;
      await this.deadLetter(event, e.message);
    }
  }

  /** Per stream of the batch: the delivered events not yet applied, and the gap-free run they need. */
  private async streamRuns(accepted: readonly EventEnvelope[]): Promise<StreamRun[]> {
    const byStream = new Map<string, Map<number, EventEnvelope>>();
    for (const event of accepted) {
      const key = streamKey(event);
      const bySeq = byStream.get(key) ?? new Map<number, EventEnvelope>();
      if (!bySeq.has(event.sequenceNumber)) bySeq.set(event.sequenceNumber, event);
      byStream.set(key, bySeq);
    }
    const streams = [...byStream.values()].map((bySeq) => [...bySeq.values()].sort((a, b) => a.sequenceNumber - b.sequenceNumber));
    const lasts = await this.deps.registry.lastSeqBatch(
      this.handler.name,
      streams.map(([first]) => ({ aggregateType: first!.aggregateType, aggregateId: first!.aggregateId })),
    );
    const runs = streams.map(async (events, i): Promise<StreamRun | null> => {
      const last = lasts[i]!;
      const delivered = events.filter((e) => e.sequenceNumber > last);
      const newest = delivered.at(-1);
      if (!newest) return null;
      const stream = { aggregateType: newest.aggregateType, aggregateId: newest.aggregateId };
      if (delivered.every((e, at) => e.sequenceNumber === last + 1 + at)) return { stream, delivered, events: delivered };
      const stored = await this.deps.events.readStream(stream.aggregateType, stream.aggregateId, last + 1);
      const run = new Map(stored.filter((e) => e.sequenceNumber < newest.sequenceNumber && this.handler.accepts(e)).map((e) => [e.sequenceNumber, e]));
      for (const e of delivered) run.set(e.sequenceNumber, e);
      return { stream, delivered, events: [...run.values()].sort((a, b) => a.sequenceNumber - b.sequenceNumber) };
    });
    return (await Promise.all(runs)).filter((r): r is StreamRun => r !== null);
  }

  /**
   * Applies events this consumer holds the claims of: in one `applyBatch` when the handler has it; when that
   * fails (or there is none), event by event through the per-event path. The first failure that is to be
   * retried ends the batch: the claims not tried yet go back, and it is returned so the bus delivers again.
   */
  private async applyClaimed(claimed: readonly EventEnvelope[]): Promise<{ error: unknown } | undefined> {
    if (claimed.length === 0) return undefined;
    const { registry } = this.deps;
    const name = this.handler.name;
    if (this.handler.applyBatch) {
      const ids = claimed.map((e) => e.eventId);
      const heartbeat = setInterval(
        () => void registry.heartbeatBatch(name, ids, this.policy.leaseMs).catch(() => undefined),
        Math.max(50, this.policy.leaseMs / 3),
      );
      try {
        await this.handler.applyBatch(claimed);
        return undefined;
      } catch {
        // Which event failed is unknown: the per-event path below finds it, retries it and dead-letters it alone.
      } finally {
        clearInterval(heartbeat);
      }
    }
    const blockedBy = new Map<string, string>();
    for (const [at, event] of claimed.entries()) {
      const key = streamKey(event);
      const dead = blockedBy.get(key);
      try {
        if (dead) throw new BlockedByDeadLetter(dead);
        await this.process(event);
      } catch (e) {
        if (!(e instanceof BlockedByDeadLetter)) {
          await registry.abandon(name, claimed.slice(at + 1).map((r) => r.eventId), this.owner).catch(() => undefined);
          return { error: e };
        }
        if (e.deadEventId !== event.eventId) await this.deadLetter(event, e.message);
        blockedBy.set(key, e.deadEventId);
      }
    }
    return undefined;
  }

  private async process(event: EventEnvelope): Promise<void> {
    const { registry } = this.deps;
    const outcome = await registry.claim(this.handler.name, event, this.policy.leaseMs, this.owner);
    if (outcome === 'already-done') return;
    if (outcome === 'dead') throw new BlockedByDeadLetter(event.eventId);
    if (outcome === 'busy') throw unavailable(CLAIM_BUSY, `Event ${event.eventId} is being applied by another consumer`);
    const heartbeat = setInterval(
      () => void registry.heartbeat(this.handler.name, event.eventId, this.policy.leaseMs).catch(() => undefined),
      Math.max(50, this.policy.leaseMs / 3),
    );
    try {
      await this.handler.apply(event);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const attempts = await registry.release(this.handler.name, event.eventId, reason);
      if (attempts >= this.policy.maxAttempts) {
        await this.deadLetter(event, reason);
        throw new BlockedByDeadLetter(event.eventId);
      }
      await this.sleep(backoffDelay(this.policy, attempts));
      throw e;
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async deadLetter(event: EventEnvelope, reason: string): Promise<void> {
    await this.deps.registry.markDead(this.handler.name, event, reason);
    await this.deps.bus.publish(DEAD_LETTER_TOPIC, [
      { key: event.aggregateId, value: JSON.stringify(event), headers: { handler: this.handler.name, error: reason.slice(0, 1000), eventId: event.eventId } },
    ]);
  }

  private async deadLetterRaw(message: IncomingMessage, reason: string): Promise<void> {
    await this.deps.bus.publish(DEAD_LETTER_TOPIC, [
      { key: message.key, value: message.value, headers: { handler: this.handler.name, error: reason.slice(0, 1000) } },
    ]);
  }
}

function streamKey(ref: StreamRef): string {
  return JSON.stringify([ref.aggregateType, ref.aggregateId]);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

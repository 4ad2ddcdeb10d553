import { ZEventEnvelope, type EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { IncomingMessage, MessageBus } from '../ports/message-bus.port';
import type { ProcessedEventsRegistry } from '../ports/processed-events.port';
import { unavailable } from '../shared/errors';

export const DEAD_LETTER_TOPIC = 'spice.events.dlq';

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
}

export function backoffDelay(policy: ConsumerPolicy, failedAttempts: number): number {
  return Math.min(policy.backoff.baseMs * 2 ** Math.max(0, failedAttempts - 1), policy.backoff.maxMs);
}

class BlockedByDeadLetter extends Error {
  constructor(readonly deadEventId: string) {
    super(`blocked behind dead-lettered event ${deadEventId}`);
  }
}

/**
 * Runs one handler over bus messages exactly once per event: stale sequence numbers are skipped, gaps are
 * filled from the event store in order, each event is claimed (unique gate + lease, kept alive by a
 * heartbeat), and a failing event is retried with exponential backoff, then dead-lettered. Later events of
 * a stream with a dead letter are dead-lettered behind it, so a re-drive replays them in order.
 */
export class IdempotentConsumer {
  constructor(
    private readonly handler: ConsumerHandler,
    private readonly deps: { events: EventStore; registry: ProcessedEventsRegistry; bus: MessageBus },
    private readonly policy: ConsumerPolicy = DEFAULT_CONSUMER_POLICY,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async handleMessage(message: IncomingMessage): Promise<void> {
    const parsed = ZEventEnvelope.safeParse(safeJson(message.value));
    if (!parsed.success) {
      await this.deadLetterRaw(message, `unreadable event: ${parsed.error.issues[0]?.message ?? 'not JSON'}`);
      return;
    }
    const event = parsed.data;
    if (!this.handler.accepts(event)) return;
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

  private async process(event: EventEnvelope): Promise<void> {
    const { registry } = this.deps;
    const outcome = await registry.claim(this.handler.name, event, this.policy.leaseMs);
    if (outcome === 'already-done') return;
    if (outcome === 'dead') throw new BlockedByDeadLetter(event.eventId);
    if (outcome === 'busy') throw unavailable('CONSUMER.CLAIM_BUSY', `Event ${event.eventId} is being applied by another consumer`);
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

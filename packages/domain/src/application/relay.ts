import type { EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { LedgerBatch } from '../eventstore/event-ledger.port';
import type { MessageBus, OutgoingMessage } from '../ports/message-bus.port';

export const EVENTS_TOPIC = 'spice.events';

export interface RelayOptions {
  readonly topic: string;
  readonly batchSize: number;
  /** How long to wait for an append hint before looking again when nothing was pending. */
  readonly idleWaitMs: number;
  /** Pause after a failed cycle (bus or database away) before trying again. */
  readonly retryDelayMs: number;
}

/**
 * Publishes every append to the bus, keyed by aggregate id, in ledger order. The ledger row of an append
 * is marked published only after the bus accepted it, so the durable checkpoint is per append: a crash
 * or an outage republishes (at-least-once) and never skips, however long the relay was away, and an
 * append that commits late is still unpublished when the relay next looks, so nothing needs a look-back.
 */
export class Relay {
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly events: EventStore,
    private readonly bus: MessageBus,
    private readonly options: RelayOptions,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Publishes what is pending now; returns how many events went out. */
  async runOnce(): Promise<number> {
    const batches = await this.events.unpublished(this.options.batchSize);
    if (batches.length === 0) return 0;
    const published = await this.publish(batches);
    await this.events.markPublished(batches.map((b) => b.position));
    return published;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          const n = await this.runOnce();
          if (n === 0 && this.running) await this.events.waitForAppend(this.options.idleWaitMs);
        } catch (e) {
          this.onError(e);
          await new Promise((r) => setTimeout(r, this.options.retryDelayMs));
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async publish(batches: readonly LedgerBatch[]): Promise<number> {
    const messages = batches.flatMap((b) => b.events.map(eventMessage));
    await this.bus.publish(this.options.topic, messages);
    return messages.length;
  }
}

/** An event as it travels on the events topic: keyed by aggregate id, so a stream keeps its order. */
export function eventMessage(event: EventEnvelope): OutgoingMessage {
  return { key: event.aggregateId, value: JSON.stringify(event), headers: { eventType: event.eventType, eventId: event.eventId } };
}

import type { EventStore, IndexedBatch } from '../eventstore/event-store.port';
import type { MessageBus } from '../ports/message-bus.port';
import type { RelayCheckpointStore } from '../ports/relay-checkpoint.port';

export const EVENTS_TOPIC = 'spice.events';

export interface RelayOptions {
  readonly name: string;
  readonly topic: string;
  readonly batchSize: number;
  /** Index entries written up to this long before the checkpoint are re-read to catch late arrivals. */
  readonly lookbackMs: number;
  readonly idleWaitMs: number;
}

/**
 * Tails the event store's index and publishes every event to the bus, keyed by aggregate id.
 * At-least-once: the checkpoint is saved after a publish, so a crash republishes, never skips.
 */
export class Relay {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly recentlyPublished = new Set<string>();

  constructor(
    private readonly events: EventStore,
    private readonly bus: MessageBus,
    private readonly checkpoints: RelayCheckpointStore,
    private readonly options: RelayOptions,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Publishes what is pending now; returns how many events went out. */
  async runOnce(): Promise<number> {
    const checkpoint = await this.checkpoints.load(this.options.name);
    let published = 0;
    if (checkpoint) {
      const late = await this.events.readIndex(this.events.positionBefore(checkpoint, this.options.lookbackMs), this.options.batchSize);
      published += await this.publish(late.filter((b) => b.position <= checkpoint && !this.recentlyPublished.has(b.position)));
    }
    const fresh = await this.events.readIndex(checkpoint, this.options.batchSize);
    published += await this.publish(fresh);
    const last = fresh.at(-1);
    if (last) await this.checkpoints.save(this.options.name, last.position);
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
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async publish(batches: readonly IndexedBatch[]): Promise<number> {
    if (batches.length === 0) return 0;
    const messages = batches.flatMap((b) =>
      b.events.map((e) => ({ key: e.aggregateId, value: JSON.stringify(e), headers: { eventType: e.eventType, eventId: e.eventId } })),
    );
    await this.bus.publish(this.options.topic, messages);
    for (const b of batches) this.recentlyPublished.add(b.position);
    if (this.recentlyPublished.size > 50_000) {
      const keep = [...this.recentlyPublished].slice(-25_000);
      this.recentlyPublished.clear();
      keep.forEach((p) => this.recentlyPublished.add(p));
    }
    return messages.length;
  }
}

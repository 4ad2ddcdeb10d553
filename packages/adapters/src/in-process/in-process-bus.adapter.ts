import {
  DomainError,
  asBatchHandler,
  type ComponentHealth,
  type IncomingMessage,
  type MessageBus,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
} from '@spice/domain';

export interface InProcessBusOptions {
  /** Partitions of a topic created implicitly (by publish or subscribe) or without a count. */
  readonly defaultPartitions?: number;
  /** Pause before a message whose handler threw is delivered again. */
  readonly redeliveryDelayMs?: number;
}

interface Member {
  readonly handleBatch: (messages: readonly IncomingMessage[]) => Promise<void>;
  readonly maxBatchSize: number;
  readonly inFlight: Set<Promise<void>>;
}

interface Group {
  /** Next offset to deliver, per partition: the group's committed position. */
  readonly committed: number[];
  /** Members in join order; partition p belongs to members[p % members.length]. */
  readonly members: Member[];
  /** Partitions with a delivery under way or waiting to be retried: one at a time keeps per-key order. */
  readonly busy: Set<number>;
}

interface Topic {
  readonly partitions: IncomingMessage[][];
  readonly groups: Map<string, Group>;
}

/**
 * The embedded bus: Kafka's model (partitions by key hash, consumer groups with committed offsets,
 * at-least-once) inside one process. Messages are kept in memory for the life of the bus, so a group that
 * subscribes later still reads from the beginning; nothing survives a restart (the relay refills it).
 */
export class InProcessBus implements MessageBus {
  private readonly topics = new Map<string, Topic>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly defaultPartitions: number;
  private readonly redeliveryDelayMs: number;
  private closed = false;

  constructor(options: InProcessBusOptions = {}) {
    this.defaultPartitions = options.defaultPartitions ?? 4;
    this.redeliveryDelayMs = options.redeliveryDelayMs ?? 100;
  }

  async ensureTopic(topic: string, options?: { partitions?: number }): Promise<void> {
    this.assertOpen();
    this.topicNamed(topic, options?.partitions);
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    const log = this.topicNamed(topic);
    const touched = new Set<number>();
    for (const message of messages) {
      const partition = partitionFor(message.key, log.partitions.length);
      const stored = log.partitions[partition]!;
      stored.push({
        topic,
        partition,
        offset: String(stored.length),
        key: message.key,
        value: message.value,
        headers: { ...message.headers },
      });
      touched.add(partition);
    }
    for (const group of log.groups.values()) {
      for (const partition of touched) this.deliverNext(log, group, partition);
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const member: Member = { ...asBatchHandler(options), inFlight: new Set() };
    const log = this.topicNamed(options.topic);
    let group = log.groups.get(options.groupId);
    if (!group) {
      const fromBeginning = options.fromBeginning ?? true;
      group = {
        committed: log.partitions.map((messages) => (fromBeginning ? 0 : messages.length)),
        members: [],
        busy: new Set(),
      };
      log.groups.set(options.groupId, group);
    }
    group.members.push(member);
    const joined = group;
    this.deliverAll(log, joined);

    let stopped = false;
    const subscription: Subscription = {
      stop: async () => {
        if (stopped) return;
        stopped = true;
        joined.members.splice(joined.members.indexOf(member), 1);
        this.subscriptions.delete(subscription);
        await Promise.all(member.inFlight);
        this.deliverAll(log, joined);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async health(): Promise<ComponentHealth> {
    return { component: 'message bus', adapter: 'in-process', mode: 'embedded', up: !this.closed };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private topicNamed(name: string, partitions = this.defaultPartitions): Topic {
    let topic = this.topics.get(name);
    if (!topic) {
      if (!Number.isInteger(partitions) || partitions < 1) {
        throw new DomainError({
          code: 'BUS.INVALID_PARTITIONS',
          kind: 'invalid',
          message: `A topic needs a positive whole number of partitions, got ${partitions}`,
          context: { topic: name, partitions },
        });
      }
      topic = { partitions: Array.from({ length: partitions }, () => []), groups: new Map() };
      this.topics.set(name, topic);
    }
    return topic;
  }

  private deliverAll(log: Topic, group: Group): void {
    for (let partition = 0; partition < log.partitions.length; partition++) {
      this.deliverNext(log, group, partition);
    }
  }

  /**
   * Hands the group's next messages on this partition (what is queued, up to the member's batch size) to the
   * member that owns the partition now; they are committed together when its handler resolves.
   */
  private deliverNext(log: Topic, group: Group, partition: number): void {
    if (this.closed || group.busy.has(partition) || group.members.length === 0) return;
    const from = group.committed[partition]!;
    const owner = group.members[partition % group.members.length]!;
    const batch = log.partitions[partition]!.slice(from, from + owner.maxBatchSize);
    if (batch.length === 0) return;
    group.busy.add(partition);
    const delivery = Promise.resolve()
      .then(() => owner.handleBatch(batch))
      .then(
        () => {
          group.committed[partition] = from + batch.length;
          group.busy.delete(partition);
          this.deliverNext(log, group, partition);
        },
        () => this.redeliverLater(log, group, partition),
      )
      .finally(() => owner.inFlight.delete(delivery));
    owner.inFlight.add(delivery);
  }

  /** The committed position did not move, so the next attempt hands over the same message again. */
  private redeliverLater(log: Topic, group: Group, partition: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      group.busy.delete(partition);
      this.deliverNext(log, group, partition);
    }, this.redeliveryDelayMs);
    this.retryTimers.add(timer);
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new DomainError({
        code: 'BUS.CLOSED',
        kind: 'precondition',
        message: 'The in-process bus was closed',
      });
    }
  }
}

/** FNV-1a over the key's UTF-16 code units: stable across runs, so a key always lands on the same partition. */
function partitionFor(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}

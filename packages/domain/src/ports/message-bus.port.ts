import type { HealthCheckable } from '../shared/health';

/** A keyed message. Messages with the same key keep their order within a topic. */
export interface OutgoingMessage {
  readonly key: string;
  readonly value: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface IncomingMessage extends OutgoingMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export interface SubscribeOptions {
  readonly topic: string;
  /** Consumers sharing a group split the partitions; each message reaches one member of each group. */
  readonly groupId: string;
  /** Where a group with no committed position starts. Default: the beginning. */
  readonly fromBeginning?: boolean;
  /**
   * Called once per message, in order per key. Resolving commits the message; throwing leaves it
   * uncommitted so it is delivered again (at-least-once).
   */
  readonly handle: (message: IncomingMessage) => Promise<void>;
}

export interface Subscription {
  stop(): Promise<void>;
}

/** At-least-once publish/subscribe. Implementations: in-process (embedded) and Kafka (real). */
export interface MessageBus extends HealthCheckable {
  ensureTopic(topic: string, options?: { partitions?: number }): Promise<void>;
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  close(): Promise<void>;
}

import { DomainError } from '../shared/errors';
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

interface SubscriptionTarget {
  readonly topic: string;
  /** Consumers sharing a group split the partitions; each message reaches one member of each group. */
  readonly groupId: string;
  /** Where a group with no committed position starts. Default: the beginning. */
  readonly fromBeginning?: boolean;
}

export interface MessageSubscribeOptions extends SubscriptionTarget {
  /**
   * Called once per message, in order per key. Resolving commits the message; throwing leaves it
   * uncommitted so it is delivered again (at-least-once).
   */
  readonly handle: (message: IncomingMessage) => Promise<void>;
  readonly handleBatch?: undefined;
}

export interface BatchSubscribeOptions extends SubscriptionTarget {
  /**
   * Called with consecutive messages of one partition (so in order per key), at most `maxBatchSize` of them,
   * one batch of a partition at a time. Resolving commits the whole batch; throwing commits none of it, and
   * the same messages are delivered again from the first.
   */
  readonly handleBatch: (messages: readonly IncomingMessage[]) => Promise<void>;
  /** Default DEFAULT_MAX_BATCH_SIZE (1,000). */
  readonly maxBatchSize?: number;
  readonly handle?: undefined;
}

export type SubscribeOptions = MessageSubscribeOptions | BatchSubscribeOptions;

export const DEFAULT_MAX_BATCH_SIZE = 1000;

/**
 * Any subscription as a batch handler, for adapters: `handle` becomes a handler of one-message batches.
 * Refuses a maxBatchSize below 1.
 */
export function asBatchHandler(options: SubscribeOptions): {
  readonly handleBatch: (messages: readonly IncomingMessage[]) => Promise<void>;
  readonly maxBatchSize: number;
} {
  if (!options.handleBatch) {
    const handle = options.handle;
    return { handleBatch: (messages) => handle(messages[0]!), maxBatchSize: 1 };
  }
  const size = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  if (!Number.isInteger(size) || size < 1) {
    throw new DomainError({
      code: 'BUS.INVALID_BATCH_SIZE',
      kind: 'invalid',
      message: `A batch subscription needs a positive whole number as its maxBatchSize, got ${size}`,
      context: { topic: options.topic, groupId: options.groupId, maxBatchSize: size },
    });
  }
  return { handleBatch: options.handleBatch, maxBatchSize: size };
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

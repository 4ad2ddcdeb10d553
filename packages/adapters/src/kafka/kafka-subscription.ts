import type { IncomingMessage, SubscribeOptions, Subscription } from '@spice/domain';
import type { Consumer, EachMessagePayload, IHeaders, Kafka } from 'kafkajs';
import type { Logger } from '../logging/logger';
import { toBusError } from './kafka-errors';

/** Group-membership timings. kafkajs defaults (30 s sessions, 5 s fetch waits) make every join take seconds. */
export interface ConsumerTuning {
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  /** Longest a fetch waits for new data; also bounds how soon an idle member notices a rebalance. */
  readonly maxWaitTimeMs: number;
  /** Pause before a message whose handler threw is fetched and handed over again. */
  readonly redeliveryDelayMs: number;
}

export const DEFAULT_CONSUMER_TUNING: ConsumerTuning = {
  // Also how long a member that vanished (a crash, a broker restart) holds its partitions before others get them.
  sessionTimeoutMs: 6_000,
  rebalanceTimeoutMs: 10_000,
  heartbeatIntervalMs: 500,
  maxWaitTimeMs: 250,
  redeliveryDelayMs: 250,
};

/**
 * One kafkajs consumer per subscription. Offsets are committed one message at a time, after the handler
 * resolves; when the handler throws, the consumer seeks back to that message so the next fetch hands it over
 * again (and nothing after it on the partition is handled first).
 */
export class KafkaSubscription implements Subscription {
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  private constructor(
    private readonly consumer: Consumer,
    private readonly options: SubscribeOptions,
    private readonly tuning: ConsumerTuning,
    private readonly logger: Logger | undefined,
  ) {}

  /** Resolves once the consumer has joined its group and received its partitions. */
  static async start(
    kafka: Kafka,
    options: SubscribeOptions,
    tuning: ConsumerTuning,
    logger: Logger | undefined,
  ): Promise<KafkaSubscription> {
    const consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: tuning.sessionTimeoutMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      maxWaitTimeInMs: tuning.maxWaitTimeMs,
      // A consumer that crashed on a retriable error (broker restart) rejoins instead of staying down.
      retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5, restartOnFailure: async () => true },
    });
    const subscription = new KafkaSubscription(consumer, options, tuning, logger);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && !subscription.stopping) {
        logger?.error(
          { err: payload.error, topic: options.topic, groupId: options.groupId },
          'bus consumer stopped after a crash',
        );
      }
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning ?? true });
      await consumer.run({ autoCommit: false, eachMessage: (payload) => subscription.track(payload) });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw toBusError(error, 'subscribe', { topic: options.topic, groupId: options.groupId });
    }
    return subscription;
  }

  /** Finishes the message in hand (handler and commit), then leaves the group. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      await Promise.allSettled(this.inFlight);
      await this.consumer.disconnect();
    })();
    return this.stopped;
  }

  private track(payload: EachMessagePayload): Promise<void> {
    const work = this.deliver(payload);
    this.inFlight.add(work);
    return work.finally(() => this.inFlight.delete(work));
  }

  private async deliver({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    // Not handled and not committed: whoever holds the partition next gets it.
    if (this.stopping) return;
    // kafkajs heartbeats only between messages; a handler slower than the session timeout must not cost the
    // member its partitions. A failed heartbeat (the group is rebalancing) is dealt with once the handler ends.
    const keepAlive = setInterval(
      () => void heartbeat().catch(() => undefined),
      this.tuning.heartbeatIntervalMs,
    );
    try {
      await this.options.handle({
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString('utf8') ?? '',
        value: message.value?.toString('utf8') ?? '',
        headers: decodeHeaders(message.headers),
      } satisfies IncomingMessage);
    } catch (error) {
      this.logger?.warn(
        { err: error, topic, partition, offset: message.offset, groupId: this.options.groupId },
        'bus handler failed; the message will be delivered again',
      );
      this.consumer.seek({ topic, partition, offset: message.offset });
      await sleep(this.tuning.redeliveryDelayMs);
      return;
    } finally {
      clearInterval(keepAlive);
    }
    await this.consumer.commitOffsets([
      { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
    ]);
  }
}

/** Kafka allows a header key to repeat; the port has one value per key, so the last one wins. */
function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const last = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (last !== undefined) decoded[name] = last.toString();
  }
  return decoded;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { asBatchHandler, CLAIM_BUSY, isDomainError, type IncomingMessage, type SubscribeOptions, type Subscription } from '@spice/domain';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
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
  /**
   * For batch subscriptions: partitions whose batches are handled side by side (order within each partition
   * is kept), so one batch's waits (a search refresh, a commit) overlap another's work. Message subscriptions
   * take one message at a time.
   */
  readonly batchPartitionsConcurrently: number;
}

export const DEFAULT_CONSUMER_TUNING: ConsumerTuning = {
  // Also how long a member that vanished (a crash, a broker restart) holds its partitions before others get them.
  sessionTimeoutMs: 6_000,
  rebalanceTimeoutMs: 10_000,
  heartbeatIntervalMs: 500,
  maxWaitTimeMs: 250,
  redeliveryDelayMs: 250,
  batchPartitionsConcurrently: 4,
};

/**
 * One kafkajs consumer per subscription, reading whole fetched batches (`eachBatch`). Each fetched batch is
 * handed to the handler in slices of its batch size (one message for `handle`); a slice's offsets are
 * committed after the handler resolves. When the handler throws, the consumer seeks back to the slice's first
 * message so the next fetch hands the slice over again (and nothing after it on the partition is handled
 * first).
 */
export class KafkaSubscription implements Subscription {
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  private constructor(
    private readonly consumer: Consumer,
    private readonly options: SubscribeOptions,
    private readonly handler: ReturnType<typeof asBatchHandler>,
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
    const handler = asBatchHandler(options);
    const consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: tuning.sessionTimeoutMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      maxWaitTimeInMs: tuning.maxWaitTimeMs,
      // A consumer that crashed on a retriable error (broker restart) rejoins instead of staying down.
      retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5, restartOnFailure: async () => true },
    });
    const subscription = new KafkaSubscription(consumer, options, handler, tuning, logger);
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
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.handleBatch ? tuning.batchPartitionsConcurrently : 1,
        eachBatch: (payload) => subscription.track(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw toBusError(error, 'subscribe', { topic: options.topic, groupId: options.groupId });
    }
    return subscription;
  }

  /** Finishes the slice in hand (handler and commit), then leaves the group. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      await Promise.allSettled(this.inFlight);
      await this.consumer.disconnect();
    })();
    return this.stopped;
  }

  private track(payload: EachBatchPayload): Promise<void> {
    const work = this.deliver(payload);
    this.inFlight.add(work);
    return work.finally(() => this.inFlight.delete(work));
  }

  private async deliver({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    for (let start = 0; start < batch.messages.length; start += this.handler.maxBatchSize) {
      // Not handled and not committed: whoever holds the partition next gets them.
      if (this.stopping || !isRunning() || isStale()) return;
      const slice = batch.messages.slice(start, start + this.handler.maxBatchSize);
      const first = slice[0]!.offset;
      const last = slice[slice.length - 1]!.offset;
      // kafkajs heartbeats only between slices; a handler slower than the session timeout must not cost the
      // member its partitions. A failed heartbeat (the group is rebalancing) is dealt with once the handler ends.
      const keepAlive = setInterval(
        () => void heartbeat().catch(() => undefined),
        this.tuning.heartbeatIntervalMs,
      );
      try {
        await this.handler.handleBatch(slice.map((message) => incoming(topic, partition, message)));
      } catch (error) {
        // Another consumer holding a claim is business as usual between group members: not worth a warning.
        const expected = isDomainError(error) && error.code === CLAIM_BUSY;
        this.logger?.[expected ? 'debug' : 'warn'](
          { err: error, topic, partition, offset: first, messages: slice.length, groupId: this.options.groupId },
          'bus handler failed; the message will be delivered again',
        );
        this.consumer.seek({ topic, partition, offset: first });
        await sleep(this.tuning.redeliveryDelayMs);
        return;
      } finally {
        clearInterval(keepAlive);
      }
      resolveOffset(last);
      await this.consumer.commitOffsets([{ topic, partition, offset: (BigInt(last) + 1n).toString() }]);
      await heartbeat();
    }
  }
}

function incoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    value: message.value?.toString('utf8') ?? '',
    headers: decodeHeaders(message.headers),
  };
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

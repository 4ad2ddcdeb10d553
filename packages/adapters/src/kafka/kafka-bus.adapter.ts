import {
  DomainError,
  type ComponentHealth,
  type MessageBus,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
} from '@spice/domain';
import { Kafka, Partitioners, type Admin, type Producer } from 'kafkajs';
import type { Logger } from '../logging/logger';
import { toBusError } from './kafka-errors';
import { kafkaLogCreator } from './kafka-logging';
import { DEFAULT_CONSUMER_TUNING, KafkaSubscription, type ConsumerTuning } from './kafka-subscription';

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger?: Logger;
  /** Partitions of a topic that ensureTopic creates without a count. */
  readonly defaultPartitions?: number;
  readonly connectionTimeoutMs?: number;
  /** How long health() waits for the cluster to answer before reporting it down. */
  readonly healthTimeoutMs?: number;
  /**
   * Retries of one publish before it fails with BUS.UNAVAILABLE. Bounded on purpose: the relay republishes
   * from its checkpoint, which beats a publish that hangs while the broker is away.
   */
  readonly publishRetries?: number;
  /**
   * Most bytes one produce request carries. The broker refuses a record batch above its message.max.bytes
   * (1 MiB by default) with MESSAGE_TOO_LARGE, so a bigger publish (a relay catching up on a backlog) goes
   * out as several requests, in order.
   */
  readonly maxRequestBytes?: number;
  readonly consumer?: Partial<ConsumerTuning>;
}

const DEFAULT_MAX_REQUEST_BYTES = 512 * 1024;
/** Kafka's own framing of one record (lengths, attributes, offsets and timestamp deltas), rounded up. */
const RECORD_OVERHEAD_BYTES = 32;

/** The real bus: Apache Kafka through kafkajs, at-least-once, keyed messages ordered per partition. */
export class KafkaBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly tuning: ConsumerTuning;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;
  private closed = false;

  constructor(private readonly options: KafkaBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: options.connectionTimeoutMs ?? 3_000,
      retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5 },
      ...kafkaLogCreator(options.logger),
    });
    this.tuning = { ...DEFAULT_CONSUMER_TUNING, ...options.consumer };
  }

  async ensureTopic(topic: string, options?: { partitions?: number }): Promise<void> {
    this.assertOpen();
    const numPartitions = options?.partitions ?? this.options.defaultPartitions ?? 4;
    if (!Number.isInteger(numPartitions) || numPartitions < 1) {
      throw new DomainError({
        code: 'BUS.INVALID_PARTITIONS',
        kind: 'invalid',
        message: `A topic needs a positive whole number of partitions, got ${numPartitions}`,
        context: { topic, partitions: numPartitions },
      });
    }
    try {
      const admin = await this.connectedAdmin();
      // Resolves false when the topic exists already: creating is idempotent, the partition count is not changed.
      await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
    } catch (error) {
      throw toBusError(error, 'ensureTopic', { topic });
    }
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    if (messages.length === 0) return;
    try {
      const producer = await this.connectedProducer();
      for (const chunk of byRequestSize(messages, this.options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES)) {
        await producer.send({
          topic,
          acks: -1,
          messages: chunk.map((m) => ({
            key: m.key,
            value: m.value,
            ...(m.headers ? { headers: { ...m.headers } } : {}),
          })),
        });
      }
    } catch (error) {
      const busError = toBusError(error, 'publish', { topic, count: messages.length });
      // A send that gave up may have left the idempotent producer's sequence numbers unsure; start a fresh one.
      if (busError.kind === 'unavailable') await this.dropProducer();
      throw busError;
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const subscription = await KafkaSubscription.start(this.kafka, options, this.tuning, this.options.logger);
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async health(): Promise<ComponentHealth> {
    const base = { component: 'message bus', adapter: 'kafka', mode: 'real' } as const;
    const timeoutMs = this.options.healthTimeoutMs ?? 3_000;
    try {
      const cluster = await withTimeout(
        this.connectedAdmin().then((admin) => admin.describeCluster()),
        timeoutMs,
        `no answer from ${this.options.brokers.join(',')} within ${timeoutMs}ms`,
      );
      return {
        ...base,
        up: true,
        detail: `${cluster.brokers.length} broker(s), cluster ${cluster.clusterId}`,
      };
    } catch (error) {
      return { ...base, up: false, detail: toBusError(error, 'health').message };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    await Promise.all([this.dropProducer(), this.dropAdmin()]);
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= connect(
      this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: this.options.publishRetries ?? 8 },
      }),
      () => (this.producer = undefined),
    );
    return this.producer;
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= connect(this.kafka.admin(), () => (this.admin = undefined));
    return this.admin;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.then((p) => p.disconnect()).catch(() => undefined);
  }

  private async dropAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new DomainError({
        code: 'BUS.CLOSED',
        kind: 'precondition',
        message: 'The Kafka bus was closed',
      });
    }
  }
}

/** Consecutive runs of messages, each within `maxBytes` (a message bigger than that goes alone). */
function byRequestSize(messages: readonly OutgoingMessage[], maxBytes: number): OutgoingMessage[][] {
  const chunks: OutgoingMessage[][] = [];
  let chunk: OutgoingMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = recordBytes(message);
    if (chunk.length > 0 && bytes + size > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(message);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

function recordBytes(message: OutgoingMessage): number {
  const headers = Object.entries(message.headers ?? {}).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v) + 8, 0);
  return Buffer.byteLength(message.key) + Buffer.byteLength(message.value) + headers + RECORD_OVERHEAD_BYTES;
}

/** Connects a client; when that fails, forgets it (via onFailure) so the next call tries afresh. */
async function connect<T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(
  client: T,
  onFailure: () => void,
): Promise<T> {
  try {
    await client.connect();
    return client;
  } catch (error) {
    onFailure();
    await client.disconnect().catch(() => undefined);
    throw error;
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DomainError({ code: 'BUS.UNAVAILABLE', kind: 'unavailable', message })),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

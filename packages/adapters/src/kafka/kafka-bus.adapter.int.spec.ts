import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { testMessageBus } from '@spice/domain/contracts';
import { KafkaBus } from './kafka-bus.adapter';

const HOW_TO_START = 'run `bash scripts/stack up kafka` and `eval "$(bash scripts/stack env kafka)"`';

function brokersFromEnv(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error(`KAFKA_BROKERS not set: ${HOW_TO_START}`);
  return brokers.split(',');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Remembers the topics the suite creates, so cleanup can delete them and the stack's broker stays small. */
class TopicRecordingKafkaBus extends KafkaBus {
  readonly topics = new Set<string>();

  override async ensureTopic(topic: string, options?: { partitions?: number }): Promise<void> {
    this.topics.add(topic);
    await super.ensureTopic(topic, options);
  }
}

testMessageBus('Kafka', async () => {
  const brokers = brokersFromEnv();
  const bus = new TopicRecordingKafkaBus({ brokers, clientId: 'spice-contract-test' });
  const health = await bus.health();
  if (!health.up)
    throw new Error(`Kafka at ${brokers.join(',')} is not reachable (${health.detail}): ${HOW_TO_START}`);
  return {
    bus,
    cleanup: async () => {
      await bus.close();
      const admin = new Kafka({
        clientId: 'spice-contract-cleanup',
        brokers,
        logLevel: logLevel.NOTHING,
      }).admin();
      await admin.connect();
      try {
        const existing = new Set(await admin.listTopics());
        await admin.deleteTopics({ topics: [...bus.topics].filter((t) => existing.has(t)) });
      } finally {
        await admin.disconnect();
      }
    },
  };
});

describe('KafkaBus with a handler slower than the session timeout', () => {
  it('keeps the member in its group, so the message is handled and committed once', async () => {
    const brokers = brokersFromEnv();
    const bus = new TopicRecordingKafkaBus({
      brokers,
      clientId: 'spice-slow-handler-test',
      consumer: { sessionTimeoutMs: 1_500, rebalanceTimeoutMs: 3_000 },
    });
    const topic = `kafka-slow-handler-${Date.now().toString(36)}`;
    try {
      await bus.ensureTopic(topic, { partitions: 1 });
      const handled: string[] = [];
      const subscription = await bus.subscribe({
        topic,
        groupId: `${topic}-group`,
        handle: async (m) => {
          if (m.value === 'slow') await sleep(4_000);
          handled.push(m.value);
        },
      });
      await bus.publish(topic, [
        { key: 'k', value: 'slow' },
        { key: 'k', value: 'next' },
      ]);
      // Bounded: a member that lost its session gets 'slow' again and again and never reaches 'next'.
      for (let waited = 0; !handled.includes('next') && waited < 30_000; waited += 50) await sleep(50);
      await sleep(1_000);
      await subscription.stop();
      expect(handled).toEqual(['slow', 'next']);
    } finally {
      await bus.close();
      const admin = new Kafka({
        clientId: 'spice-slow-handler-cleanup',
        brokers,
        logLevel: logLevel.NOTHING,
      }).admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topic] }).finally(() => admin.disconnect());
    }
  });
});

describe('KafkaBus when no broker answers', () => {
  it('fails with BUS.UNAVAILABLE and reports health down', async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused at once.
    const bus = new KafkaBus({
      brokers: ['127.0.0.1:1'],
      clientId: 'spice-unreachable-test',
      healthTimeoutMs: 2_000,
      publishRetries: 1,
    });
    try {
      await expect(bus.ensureTopic('never-created')).rejects.toMatchObject({
        code: 'BUS.UNAVAILABLE',
        kind: 'unavailable',
        retryable: true,
      });
      await expect(bus.publish('never-created', [{ key: 'k', value: 'v' }])).rejects.toMatchObject({
        code: 'BUS.UNAVAILABLE',
      });
      await expect(
        bus.subscribe({ topic: 'never-created', groupId: 'g', handle: async () => undefined }),
      ).rejects.toMatchObject({
        code: 'BUS.UNAVAILABLE',
      });
      await expect(bus.health()).resolves.toMatchObject({
        component: 'message bus',
        adapter: 'kafka',
        up: false,
      });
    } finally {
      await bus.close();
    }
  });
});

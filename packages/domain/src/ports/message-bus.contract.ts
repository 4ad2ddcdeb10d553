import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  IncomingMessage,
  MessageBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from './message-bus.port';

export interface MessageBusFixture {
  readonly bus: MessageBus;
  cleanup(): Promise<void>;
}

/** Longest a test waits for deliveries before it fails: a guard against hanging, not a speed requirement. */
const DELIVERY_LIMIT_MS = 60_000;
/** How long a test keeps listening to be sure that nothing more (a duplicate, a late delivery) arrives. */
const QUIET_PERIOD_MS = 750;

/**
 * The behaviour every MessageBus adapter must show. Each test uses its own topic and groups, so the suite
 * runs against a shared long-lived broker.
 */
export function testMessageBus(adapterName: string, makeBus: () => Promise<MessageBusFixture>): void {
  describe(`MessageBus contract: ${adapterName}`, () => {
    let fixture: MessageBusFixture | undefined;
    const subscriptions: Subscription[] = [];
    const bus = (): MessageBus => {
      if (!fixture) throw new Error('the bus fixture was not created');
      return fixture.bus;
    };
    const subscribe = async (options: SubscribeOptions): Promise<Subscription> => {
      const subscription = await bus().subscribe(options);
      subscriptions.push(subscription);
      return subscription;
    };

    beforeAll(async () => {
      fixture = await makeBus();
    });
    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
    });
    afterAll(async () => {
      await fixture?.cleanup();
    });

    it('keeps the order of messages per key and puts each key on one partition', async () => {
      const topic = uniqueName('order');
      await bus().ensureTopic(topic, { partitions: 4 });
      await bus().ensureTopic(topic, { partitions: 4 });
      const received: IncomingMessage[] = [];
      await subscribe({ topic, groupId: uniqueName('group'), handle: async (m) => void received.push(m) });

      const keys = ['order-a', 'order-b', 'order-c'];
      for (let round = 0; round < 5; round++) {
        await bus().publish(
          topic,
          range(10).flatMap((i) => keys.map((key) => ({ key, value: String(round * 10 + i) }))),
        );
      }

      await waitFor('150 messages', () => received.length >= 150);
      for (const key of keys) {
        const ofKey = received.filter((m) => m.key === key);
        expect(ofKey.map((m) => Number(m.value))).toEqual(range(50));
        expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
      }
    });

    it('delivers every message to each consumer group', async () => {
      const topic = uniqueName('fanout');
      await bus().ensureTopic(topic, { partitions: 4 });
      const first: string[] = [];
      const second: string[] = [];
      await subscribe({ topic, groupId: uniqueName('first'), handle: async (m) => void first.push(m.value) });
      await subscribe({
        topic,
        groupId: uniqueName('second'),
        handle: async (m) => void second.push(m.value),
      });

      const sent = messages(30, (i) => `fanout-key-${i % 7}`);
      await bus().publish(topic, sent);

      await waitFor('both groups to get 30 messages', () => first.length >= 30 && second.length >= 30);
      await sleep(QUIET_PERIOD_MS);
      const values = sent.map((m) => m.value).sort();
      expect([...first].sort()).toEqual(values);
      expect([...second].sort()).toEqual(values);
    });

    it('splits the messages between the members of one group, none handled twice and none lost', async () => {
      const topic = uniqueName('split');
      await bus().ensureTopic(topic, { partitions: 4 });
      const groupId = uniqueName('group');
      const byA: string[] = [];
      const byB: string[] = [];
      await subscribe({ topic, groupId, handle: async (m) => void byA.push(m.value) });
      await subscribe({ topic, groupId, handle: async (m) => void byB.push(m.value) });

      const sent = messages(40, (i) => `split-key-${i}`);
      await bus().publish(topic, sent);

      await waitFor('all 40 messages handled', () => new Set([...byA, ...byB]).size >= 40);
      await sleep(QUIET_PERIOD_MS);
      expect(byA.filter((value) => byB.includes(value))).toEqual([]);
      expect([...byA, ...byB].sort()).toEqual(sent.map((m) => m.value).sort());
      expect(byA.length).toBeGreaterThan(0);
      expect(byB.length).toBeGreaterThan(0);
    });

    it('delivers a message again when its handler throws, and loses none of the later ones', async () => {
      const topic = uniqueName('retry');
      await bus().ensureTopic(topic, { partitions: 4 });
      const attempts: string[] = [];
      const handled: string[] = [];
      let failedOnce = false;
      await subscribe({
        topic,
        groupId: uniqueName('group'),
        handle: async (m) => {
          attempts.push(m.value);
          if (m.value === 'm-3' && !failedOnce) {
            failedOnce = true;
            throw new Error('the handler fails the first time it sees m-3');
          }
          handled.push(m.value);
        },
      });

      const sent = messages(10, () => 'retry-key');
      await bus().publish(topic, sent);

      await waitFor('the last message handled', () => handled.includes('m-9'));
      await sleep(QUIET_PERIOD_MS);
      expect(handled).toEqual(sent.map((m) => m.value));
      expect(attempts.filter((value) => value === 'm-3').length).toBeGreaterThanOrEqual(2);
    });

    it('lets a new group read earlier messages from the beginning, by default', async () => {
      const topic = uniqueName('replay');
      await bus().ensureTopic(topic, { partitions: 4 });
      const sent = messages(5, (i) => `replay-key-${i}`);
      await bus().publish(topic, sent);

      const received: string[] = [];
      await subscribe({
        topic,
        groupId: uniqueName('late-group'),
        handle: async (m) => void received.push(m.value),
      });

      await waitFor('5 earlier messages', () => received.length >= 5);
      expect(received.sort()).toEqual(sent.map((m) => m.value).sort());
    });

    it('starts a new group without fromBeginning at the end of the topic', async () => {
      const topic = uniqueName('tail');
      await bus().ensureTopic(topic, { partitions: 4 });
      await bus().publish(
        topic,
        messages(5, (i) => `tail-key-${i}`),
      );

      const received: string[] = [];
      await subscribe({
        topic,
        groupId: uniqueName('tail-group'),
        fromBeginning: false,
        handle: async (m) => void received.push(m.value),
      });
      // Where "the end" is gets fixed when the group first fetches, so keep publishing until one arrives.
      for (let i = 0; received.length === 0 && i < DELIVERY_LIMIT_MS / 200; i++) {
        await bus().publish(topic, [{ key: `tail-key-${i}`, value: `late-${i}` }]);
        await sleep(200);
      }

      expect(received.length).toBeGreaterThan(0);
      expect(received.filter((value) => !value.startsWith('late-'))).toEqual([]);
    });

    it('round-trips key, value and headers', async () => {
      const topic = uniqueName('headers');
      await bus().ensureTopic(topic, { partitions: 4 });
      const received: IncomingMessage[] = [];
      await subscribe({ topic, groupId: uniqueName('group'), handle: async (m) => void received.push(m) });

      const headers = { 'content-type': 'application/json', 'x-correlation-id': 'corr-1', empty: '' };
      await bus().publish(topic, [{ key: 'agg-1', value: '{"a":"ü"}', headers }]);
      await bus().publish(topic, [{ key: 'agg-1', value: 'no headers' }]);

      await waitFor('2 messages', () => received.length >= 2);
      const [withHeaders, withoutHeaders] = received;
      expect(withHeaders).toMatchObject({ topic, key: 'agg-1', value: '{"a":"ü"}', headers });
      expect(typeof withHeaders!.partition).toBe('number');
      expect(withHeaders!.offset).toMatch(/^\d+$/);
      expect(withoutHeaders!.headers ?? {}).toEqual({});
      expect(BigInt(withoutHeaders!.offset)).toBeGreaterThan(BigInt(withHeaders!.offset));
    });

    it('stops delivering after stop(), and a later member of the group resumes after the handled messages', async () => {
      const topic = uniqueName('stop');
      await bus().ensureTopic(topic, { partitions: 4 });
      const groupId = uniqueName('group');
      const beforeStop: string[] = [];
      const subscription = await subscribe({
        topic,
        groupId,
        handle: async (m) => void beforeStop.push(m.value),
      });

      await bus().publish(topic, [{ key: 'stop-key', value: 'm-0' }]);
      await waitFor('the first message', () => beforeStop.length >= 1);
      await subscription.stop();
      await subscription.stop();
      await bus().publish(topic, [
        { key: 'stop-key', value: 'm-1' },
        { key: 'stop-key', value: 'm-2' },
      ]);
      await sleep(QUIET_PERIOD_MS);
      expect(beforeStop).toEqual(['m-0']);

      const afterRestart: string[] = [];
      await subscribe({ topic, groupId, handle: async (m) => void afterRestart.push(m.value) });
      await waitFor('the 2 messages published while stopped', () => afterRestart.length >= 2);
      await sleep(QUIET_PERIOD_MS);
      expect(afterRestart).toEqual(['m-1', 'm-2']);
    });

    it('hands a batch handler consecutive messages of one partition, in order per key, at most maxBatchSize at once', async () => {
      const topic = uniqueName('batch-order');
      await bus().ensureTopic(topic, { partitions: 4 });
      const keys = ['batch-a', 'batch-b', 'batch-c'];
      // Published before anyone subscribes, so they are waiting and come in batches.
      await bus().publish(
        topic,
        range(50).flatMap((i) => keys.map((key) => ({ key, value: String(i) }))),
      );
      const batches: IncomingMessage[][] = [];
      const groupId = uniqueName('group');
      const first = await subscribe({
        topic,
        groupId,
        maxBatchSize: 20,
        handleBatch: async (batch) => void batches.push([...batch]),
      });

      await waitFor('150 messages in batches', () => batches.flat().length >= 150);
      await first.stop();
      const received = batches.flat();
      expect(received).toHaveLength(150);
      for (const key of keys) {
        const ofKey = received.filter((m) => m.key === key);
        expect(ofKey.map((m) => Number(m.value))).toEqual(range(50));
      }
      for (const batch of batches) {
        expect(batch.length).toBeGreaterThan(0);
        expect(batch.length).toBeLessThanOrEqual(20);
        expect(new Set(batch.map((m) => m.partition)).size, 'one partition per batch').toBe(1);
        const offsets = batch.map((m) => BigInt(m.offset));
        expect(offsets, 'consecutive offsets').toEqual(offsets.map((_, i) => offsets[0]! + BigInt(i)));
      }
      expect(Math.max(...batches.map((b) => b.length)), 'waiting messages come more than one at a time').toBeGreaterThan(1);

      // Resolving committed every batch: the group's next member starts after them.
      await bus().publish(topic, [{ key: 'batch-a', value: 'after' }]);
      const later: string[] = [];
      await subscribe({ topic, groupId, handleBatch: async (batch) => void later.push(...batch.map((m) => m.value)) });
      await waitFor('the message published after the stop', () => later.length >= 1);
      await sleep(QUIET_PERIOD_MS);
      expect(later).toEqual(['after']);
    });

    it('delivers a whole batch again from its first message when the batch handler throws, and loses none', async () => {
      const topic = uniqueName('batch-retry');
      await bus().ensureTopic(topic, { partitions: 1 });
      const sent = messages(30, () => 'batch-retry-key');
      await bus().publish(topic, sent);
      const attempts: string[][] = [];
      const committed: string[] = [];
      let failedOnce = false;
      await subscribe({
        topic,
        groupId: uniqueName('group'),
        maxBatchSize: 8,
        handleBatch: async (batch) => {
          const values = batch.map((m) => m.value);
          attempts.push(values);
          if (values.includes('m-11') && !failedOnce) {
            failedOnce = true;
            throw new Error('the batch handler fails the first time it sees m-11');
          }
          committed.push(...values);
        },
      });

      await waitFor('the last message handled', () => committed.includes('m-29'));
      await sleep(QUIET_PERIOD_MS);
      expect(committed, 'every message once, in order').toEqual(sent.map((m) => m.value));
      const failedAt = attempts.findIndex((values) => values.includes('m-11'));
      const retried = attempts[failedAt + 1]!;
      expect(retried[0], 'the retry starts at the failed batch\'s first message').toBe(attempts[failedAt]![0]);
      expect(retried).toContain('m-11');
    });

    it('refuses a batch subscription with a batch size below 1', async () => {
      await expect(
        bus().subscribe({
          topic: uniqueName('no-batch'),
          groupId: uniqueName('group'),
          maxBatchSize: 0,
          handleBatch: async () => undefined,
        }),
      ).rejects.toMatchObject({ code: 'BUS.INVALID_BATCH_SIZE', kind: 'invalid' });
    });

    it('refuses a topic without partitions', async () => {
      await expect(bus().ensureTopic(uniqueName('no-partitions'), { partitions: 0 })).rejects.toMatchObject({
        code: 'BUS.INVALID_PARTITIONS',
        kind: 'invalid',
      });
    });

    it('reports itself healthy', async () => {
      const health = await bus().health();
      expect(health).toMatchObject({ component: 'message bus', up: true });
    });
  });
}

function uniqueName(prefix: string): string {
  return `contract-${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function messages(n: number, keyOf: (i: number) => string): OutgoingMessage[] {
  return range(n).map((i) => ({ key: keyOf(i), value: `m-${i}` }));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(what: string, done: () => boolean): Promise<void> {
  const deadline = Date.now() + DELIVERY_LIMIT_MS;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up after ${DELIVERY_LIMIT_MS}ms waiting for ${what}`);
    await sleep(20);
  }
}

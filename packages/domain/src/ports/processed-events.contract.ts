import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../eventstore/envelope';
import type { HandlerFence } from './handler-fence.port';
import type { ObjectTypeReadModel } from './object-type-read-model.port';
import type { ClaimOutcome, ProcessedEventsRegistry } from './processed-events.port';

export interface ProcessedEventsFixture {
  readonly registry: ProcessedEventsRegistry;
  /** Commits are how events become done: the read model's commit marks them in the same transaction. */
  readonly readModel: ObjectTypeReadModel;
  readonly fence: HandlerFence;
  cleanup(): Promise<void>;
}

let counter = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const LONG_LEASE = 60_000;

function event(aggregateId: string, sequenceNumber: number): EventEnvelope {
  return {
    eventId: unique('evt'),
    commandId: unique('cmd'),
    aggregateType: 'registry-contract',
    aggregateId,
    sequenceNumber,
    eventType: 'Touched',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    actor: 'tester',
    payload: {},
    metadata: { kind: 'domain', causationId: null, correlationId: 'c' },
  };
}

const outcomesOf = (outcomes: ReadonlyMap<string, ClaimOutcome>, events: readonly EventEnvelope[]) => events.map((e) => outcomes.get(e.eventId));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The consumers' registry as the batched consumer uses it: claims of many events in one call with the same
 * meaning as one claim each, claim owners, abandoning untried claims, heartbeats and last sequences of many
 * streams, and the batch commit that marks events done. Every test uses handler and stream names of its own.
 */
export function testProcessedEventsRegistry(adapterName: string, open: () => Promise<ProcessedEventsFixture>): void {
  describe(`processed-events registry contract: ${adapterName}`, () => {
    let fixture: ProcessedEventsFixture;
    beforeAll(async () => {
      fixture = await open();
    });
    afterAll(async () => {
      await fixture?.cleanup();
    });

    it('claims a batch with one outcome per event: new, done, dead, held by another, failed', async () => {
      const { registry, readModel } = fixture;
      const handler = unique('h');
      const agg = unique('agg');
      const [fresh, done, dead, held, failed] = [event(agg, 1), event(agg, 2), event(agg, 3), event(agg, 4), event(agg, 5)];
      await readModel.commitBatch(handler, [{ event: done, doc: null }]);
      await registry.markDead(handler, dead, 'boom');
      expect(await registry.claim(handler, held, LONG_LEASE, 'other-owner')).toBe('claimed');
      expect(await registry.claim(handler, failed, LONG_LEASE, 'other-owner')).toBe('claimed');
      expect(await registry.release(handler, failed.eventId, 'boom')).toBe(1);

      const outcomes = await registry.claimBatch(handler, [fresh, done, dead, held, failed], LONG_LEASE, 'me');
      expect(outcomesOf(outcomes, [fresh, done, dead, held, failed])).toEqual(['claimed', 'already-done', 'dead', 'busy', 'claimed']);
      expect(outcomes.size).toBe(5);
      expect(await registry.claimBatch(handler, [], LONG_LEASE, 'me')).toEqual(new Map());
    });

    it('lets exactly one of several concurrent batch claims win each event', async () => {
      const { registry } = fixture;
      const handler = unique('h');
      const events = Array.from({ length: 40 }, (_, i) => event(unique('agg'), i + 1));
      // Overlapping batches in different orders, each from another consumer.
      const batches = [events, [...events].reverse(), events.slice(10, 30), events.filter((_, i) => i % 2 === 0)];
      const results = await Promise.all(batches.map((batch, i) => registry.claimBatch(handler, batch, LONG_LEASE, `owner-${i}`)));
      for (const e of events) {
        const wins = results.filter((r) => r.get(e.eventId) === 'claimed').length;
        expect(wins, `claims won for ${e.eventId}`).toBe(1);
        for (const r of results) if (r.has(e.eventId)) expect(['claimed', 'busy']).toContain(r.get(e.eventId));
      }
    });

    it('gives a claim back to its own owner before the lease ends, and to others only after it', async () => {
      const { registry } = fixture;
      const handler = unique('h');
      const e = event(unique('agg'), 1);
      expect(await registry.claim(handler, e, LONG_LEASE, 'consumer-a')).toBe('claimed');
      // consumer-a lost its database mid-apply: neither committed nor released. It takes the claim back at once.
      expect(await registry.claim(handler, e, LONG_LEASE, 'consumer-a')).toBe('claimed');
      expect(outcomesOf(await registry.claimBatch(handler, [e], LONG_LEASE, 'consumer-a'), [e])).toEqual(['claimed']);
      expect(await registry.claim(handler, e, LONG_LEASE, 'consumer-b')).toBe('busy');
      expect(await registry.claim(handler, e, LONG_LEASE)).toBe('busy');

      const short = event(unique('agg'), 1);
      expect(await registry.claim(handler, short, 1, 'consumer-a')).toBe('claimed');
      await sleep(20);
      expect(await registry.claim(handler, short, LONG_LEASE, 'consumer-b'), 'the lease ran out').toBe('claimed');
      expect(await registry.claim(handler, short, LONG_LEASE, 'consumer-a'), 'now held by b').toBe('busy');
    });

    it('abandons untried claims so anyone may claim them at once, without counting an attempt', async () => {
      const { registry, fence } = fixture;
      const handler = unique('h');
      const events = [1, 2, 3].map((seq) => event(unique('agg'), seq));
      await registry.claimBatch(handler, events, LONG_LEASE, 'consumer-a');
      expect(await fence.inFlight(handler)).toBe(3);
      await registry.abandon(handler, [events[0]!.eventId, events[1]!.eventId], 'consumer-b');
      expect(await registry.claim(handler, events[0]!, LONG_LEASE, 'consumer-b'), 'only the owner can abandon').toBe('busy');

      await registry.abandon(handler, [events[0]!.eventId, events[1]!.eventId], 'consumer-a');
      expect(await fence.inFlight(handler), 'abandoned claims are not in flight').toBe(1);
      expect(outcomesOf(await registry.claimBatch(handler, events, LONG_LEASE, 'consumer-b'), events)).toEqual(['claimed', 'claimed', 'busy']);
      expect(await registry.release(handler, events[0]!.eventId, 'first real failure'), 'no attempt was counted before').toBe(1);
      await registry.abandon(handler, [], 'consumer-a');
    });

    it('keeps many claims alive with one heartbeat', async () => {
      const { registry } = fixture;
      const handler = unique('h');
      const events = [1, 2].map((seq) => event(unique('agg'), seq));
      await registry.claimBatch(handler, events, 1, 'consumer-a');
      await registry.heartbeatBatch(
        handler,
        events.map((e) => e.eventId),
        LONG_LEASE,
      );
      await sleep(20);
      expect(outcomesOf(await registry.claimBatch(handler, events, LONG_LEASE, 'consumer-b'), events)).toEqual(['busy', 'busy']);
      await registry.heartbeatBatch(handler, [], LONG_LEASE);
    });

    it('answers busy to every claim while the handler is fenced', async () => {
      const { registry, fence } = fixture;
      const handler = unique('h');
      const events = [1, 2].map((seq) => event(unique('agg'), seq));
      await fence.raise(handler, 'replay-1', LONG_LEASE);
      try {
        expect(outcomesOf(await registry.claimBatch(handler, events, LONG_LEASE, 'consumer-a'), events)).toEqual(['busy', 'busy']);
      } finally {
        await fence.lift(handler, 'replay-1');
      }
      expect(outcomesOf(await registry.claimBatch(handler, events, LONG_LEASE, 'consumer-a'), events)).toEqual(['claimed', 'claimed']);
    });

    it('commits a batch as done, advancing each stream to its greatest sequence, and reads many last sequences at once', async () => {
      const { registry, readModel } = fixture;
      const handler = unique('h');
      const [a, b, never] = [unique('agg'), unique('agg'), unique('agg')];
      const events = [event(a, 1), event(a, 2), event(a, 3), event(b, 7)];
      await registry.claimBatch(handler, events, LONG_LEASE, 'consumer-a');
      // Out of order, and an event twice: the stream still ends at its greatest sequence.
      await readModel.commitBatch(
        handler,
        [events[1]!, events[0]!, events[2]!, events[3]!, events[0]!].map((e) => ({ event: e, doc: null })),
      );
      await readModel.commitBatch(handler, [{ event: event(a, 2), doc: null }]);
      expect(outcomesOf(await registry.claimBatch(handler, events, LONG_LEASE, 'consumer-b'), events)).toEqual([
        'already-done',
        'already-done',
        'already-done',
        'already-done',
      ]);
      const streams = [a, never, b, a].map((aggregateId) => ({ aggregateType: 'registry-contract', aggregateId }));
      expect(await registry.lastSeqBatch(handler, streams)).toEqual([3, 0, 7, 3]);
      expect(await registry.lastSeqBatch(handler, [])).toEqual([]);
      expect(await registry.lastSeq(handler, 'registry-contract', b)).toBe(7);
    });
  });
}

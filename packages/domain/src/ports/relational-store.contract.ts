import { describe, expect, it } from 'vitest';
import { ZPropertyDefinition } from '../ontology/model/definitions';
import type { EventEnvelope } from '../eventstore/envelope';
import type { EventLedger, ReserveRequest } from '../eventstore/event-ledger.port';
import { DomainError } from '../shared/errors';
import type { CommandLog } from './command-log.port';
import type { ObjectTypeReadModel } from './object-type-read-model.port';
import type { ProcessedEventsRegistry } from './processed-events.port';

export interface RelationalPorts {
  readonly ledger: EventLedger;
  readonly commands: CommandLog;
  readonly objectTypes: ObjectTypeReadModel;
  readonly registry: ProcessedEventsRegistry;
}

let counter = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

const event = (aggregateId: string, sequenceNumber: number): EventEnvelope => ({
  eventId: unique('evt'),
  commandId: unique('cmd'),
  aggregateType: 'contract-test',
  aggregateId,
  sequenceNumber,
  eventType: 'ObjectTypeDefined',
  schemaVersion: 1,
  occurredAt: new Date().toISOString(),
  actor: 'tester',
  payload: {},
  metadata: { kind: 'domain', causationId: null, correlationId: 'c' },
});

const request = (aggregateId: string, expectedSeq: number, count: number): ReserveRequest => ({
  aggregateType: 'contract-test',
  aggregateId,
  count,
  expectedSeq,
  eventIds: Array.from({ length: count }, () => ({ eventId: unique('evt'), payloadHash: 'h' })),
});

const write = (aggregateId: string, firstSeq: number, count: number, ids?: ReserveRequest['eventIds']) => ({
  streamKey: `streams/contract-test/${aggregateId}/${firstSeq}`,
  events: Array.from({ length: count }, (_, i) => ({ ...event(aggregateId, firstSeq + i), ...(ids ? { eventId: ids[i]!.eventId } : {}) })),
});

async function allBatches(ports: RelationalPorts) {
  return ports.ledger.readAll(null, 100_000);
}

/** The relational ports every relational adapter (PGlite, PostgreSQL) must honour identically. */
export function testRelationalStore(adapterName: string, open: () => Promise<{ ports: RelationalPorts; cleanup(): Promise<void> }>) {
  describe(`relational store contract: ${adapterName}`, () => {
    it('reserves positions in order, records the append, and refuses a stale expected sequence', async () => {
      const { ports, cleanup } = await open();
      try {
        const id = unique('agg');
        const first = await ports.ledger.reserve(request(id, 0, 2), async (seq) => write(id, seq, 2));
        expect(first.kind).toBe('appended');
        expect(first.events.map((e) => e.sequenceNumber)).toEqual([1, 2]);
        expect(await ports.ledger.current('contract-test', id)).toBe(2);
        const stale = await ports.ledger.reserve(request(id, 0, 1), async (seq) => write(id, seq, 1)).catch((e: unknown) => e);
        expect(stale).toBeInstanceOf(DomainError);
        expect((stale as DomainError).code).toBe('EVENT_STORE.SEQUENCE_CONFLICT');
        expect((stale as DomainError).context).toMatchObject({ expectedSeq: 0, currentSeq: 2 });
      } finally {
        await cleanup();
      }
    });

    it('leaves no hole and no ledger row when the write fails inside the reservation', async () => {
      const { ports, cleanup } = await open();
      try {
        const id = unique('agg');
        await expect(ports.ledger.reserve(request(id, 0, 1), async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
        expect(await ports.ledger.current('contract-test', id)).toBe(0);
        expect((await allBatches(ports)).filter((b) => b.events[0]!.aggregateId === id)).toEqual([]);
        expect((await ports.ledger.reserve(request(id, 0, 1), async (seq) => write(id, seq, 1))).events[0]!.sequenceNumber).toBe(1);
      } finally {
        await cleanup();
      }
    });

    it('lets exactly one of many racing writers with the same expected sequence win', async () => {
      const { ports, cleanup } = await open();
      try {
        const id = unique('agg');
        const results = await Promise.allSettled(Array.from({ length: 16 }, () => ports.ledger.reserve(request(id, 0, 1), async (seq) => write(id, seq, 1))));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(losers.map((r) => (r.reason as DomainError).code)).toEqual(Array(15).fill('EVENT_STORE.SEQUENCE_CONFLICT'));
        expect(await ports.ledger.current('contract-test', id)).toBe(1);
      } finally {
        await cleanup();
      }
    });

    it('returns the original events for a repeated event id with the same content, and refuses other content', async () => {
      const { ports, cleanup } = await open();
      try {
        const id = unique('agg');
        const req = request(id, 0, 1);
        const original = await ports.ledger.reserve(req, async (seq) => write(id, seq, 1, req.eventIds));
        let written = false;
        const repeat = await ports.ledger.reserve({ ...req, expectedSeq: 1 }, async (seq) => ((written = true), write(id, seq, 1, req.eventIds)));
        expect(repeat).toEqual({ kind: 'duplicate', events: original.events });
        expect(written).toBe(false);
        const reused = await ports.ledger
          .reserve({ ...req, expectedSeq: 1, eventIds: [{ eventId: req.eventIds[0]!.eventId, payloadHash: 'other' }] }, async (seq) => write(id, seq, 1))
          .catch((e: unknown) => e);
        expect((reused as DomainError).code).toBe('EVENT_STORE.EVENT_ID_REUSED');
        expect(await ports.ledger.current('contract-test', id)).toBe(1);
      } finally {
        await cleanup();
      }
    });

    it('recovers an append the store holds but the ledger missed, once', async () => {
      const { ports, cleanup } = await open();
      try {
        const id = unique('agg');
        const batch = write(id, 1, 2);
        await ports.ledger.recover(batch, ['h1', 'h2']);
        await ports.ledger.recover(batch, ['h1', 'h2']);
        expect(await ports.ledger.current('contract-test', id)).toBe(2);
        expect((await allBatches(ports)).filter((b) => b.events[0]!.aggregateId === id)).toHaveLength(1);
      } finally {
        await cleanup();
      }
    });

    it('hands the relay unpublished appends in order until marked, and republishes after a rewind', async () => {
      const { ports, cleanup } = await open();
      try {
        const id = unique('agg');
        for (let seq = 1; seq <= 3; seq++) await ports.ledger.reserve(request(id, seq - 1, 1), async (s) => write(id, s, 1));
        const mine = async () => (await ports.ledger.unpublished(10_000)).filter((b) => b.events[0]!.aggregateId === id);
        const pending = await mine();
        expect(pending.map((b) => b.events[0]!.sequenceNumber)).toEqual([1, 2, 3]);
        expect(pending.map((b) => BigInt(b.position))).toEqual([...pending.map((b) => BigInt(b.position))].sort((a, b) => (a < b ? -1 : 1)));
        await ports.ledger.markPublished(pending.map((b) => b.position));
        expect(await mine()).toEqual([]);
        await ports.ledger.rewind(pending[1]!.position);
        expect((await mine()).map((b) => b.events[0]!.sequenceNumber)).toEqual([2, 3]);
      } finally {
        await cleanup();
      }
    });

    it('records a command once: one try holds it, a retried id sees the first record, a settled one stays settled', async () => {
      const { ports, cleanup } = await open();
      try {
        const commandId = unique('cmd');
        const record = { commandId, commandType: 'DefineObjectType', aggregateType: 'contract-test', aggregateId: 'demo', actor: 'ann', payloadHash: 'h1' };
        const first = { owner: 'try-1', ms: 30_000 };
        const starts = await Promise.all(['try-1', 'try-2', 'try-3'].map((owner) => ports.commands.begin(record, { ...first, owner })));
        expect(starts.filter((s) => s.kind === 'started'), 'tries that run the command').toHaveLength(1);
        expect(starts.filter((s) => s.kind === 'seen').map((s) => s.kind === 'seen' && s.record.status)).toEqual(['pending', 'pending']);
        await ports.commands.markApplied(commandId, 7);
        const again = await ports.commands.begin({ ...record, payloadHash: 'h2' }, { owner: 'try-4', ms: 30_000 });
        expect(again).toMatchObject({ kind: 'seen', record: { commandId, status: 'applied', sequenceNumber: 7, payloadHash: 'h1' } });
        expect(await ports.commands.markFailed(commandId, 'try-1', { code: 'X', message: 'boom' }), 'an applied command is not failed').toBe(false);
        expect(await ports.commands.get(commandId)).toMatchObject({ status: 'applied', sequenceNumber: 7, error: null });
      } finally {
        await cleanup();
      }
    });

    it('lets a retry take over a pending command whose lease ran out or was released, and only one retry', async () => {
      const { ports, cleanup } = await open();
      try {
        const commandId = unique('cmd');
        const record = { commandId, commandType: 'DefineObjectType', aggregateType: 'contract-test', aggregateId: 'demo', actor: 'ann', payloadHash: 'h1' };
        expect(await ports.commands.begin(record, { owner: 'died', ms: 1 })).toEqual({ kind: 'started' });
        await new Promise((r) => setTimeout(r, 20));
        expect(await ports.commands.begin({ ...record, payloadHash: 'h2' }, { owner: 'other', ms: 30_000 }), 'other content never takes over').toMatchObject({ kind: 'seen' });
        const retries = await Promise.all(['retry-1', 'retry-2', 'retry-3'].map((owner) => ports.commands.begin(record, { owner, ms: 30_000 })));
        expect(retries.filter((s) => s.kind === 'resumed'), 'retries that took over').toHaveLength(1);
        const holder = ['retry-1', 'retry-2', 'retry-3'][retries.findIndex((s) => s.kind === 'resumed')]!;
        expect(await ports.commands.renew(commandId, { owner: 'died', ms: 30_000 }), 'the dead try lost its lease').toBe(false);
        expect(await ports.commands.renew(commandId, { owner: holder, ms: 30_000 })).toBe(true);
        await ports.commands.release(commandId, holder);
        expect(await ports.commands.begin(record, { owner: 'next', ms: 30_000 }), 'a released lease is free at once').toEqual({ kind: 'resumed' });
        expect(await ports.commands.markFailed(commandId, holder, { code: 'X', message: 'boom' }), 'no longer the holder').toBe(false);
        expect(await ports.commands.markFailed(commandId, 'next', { code: 'X', message: 'boom' })).toBe(true);
        expect(await ports.commands.get(commandId)).toMatchObject({ status: 'failed', error: { code: 'X', message: 'boom' } });
      } finally {
        await cleanup();
      }
    });

    it('claims an event for one consumer, then reports it done after commit', async () => {
      const { ports, cleanup } = await open();
      try {
        const e = event(unique('agg'), 1);
        const claims = await Promise.all([1, 2, 3, 4].map(() => ports.registry.claim('h', e, 30_000)));
        expect(claims.filter((c) => c === 'claimed')).toHaveLength(1);
        expect(claims.filter((c) => c === 'busy')).toHaveLength(3);
        const before = await ports.objectTypes.version();
        await ports.objectTypes.commit('h', e, null);
        expect(await ports.registry.claim('h', e, 30_000)).toBe('already-done');
        expect(await ports.registry.lastSeq('h', 'contract-test', e.aggregateId)).toBe(1);
        expect(await ports.objectTypes.version()).toBe(before + 1);
        expect(await ports.registry.claim('other-handler', e, 30_000)).toBe('claimed');
      } finally {
        await cleanup();
      }
    });

    it('lets another consumer take over an expired claim, and a heartbeat keeps a claim alive', async () => {
      const { ports, cleanup } = await open();
      try {
        const e = event(unique('agg'), 1);
        expect(await ports.registry.claim('h', e, 1)).toBe('claimed');
        await new Promise((r) => setTimeout(r, 20));
        expect(await ports.registry.claim('h', e, 1)).toBe('claimed');
        await ports.registry.heartbeat('h', e.eventId, 60_000);
        await new Promise((r) => setTimeout(r, 20));
        expect(await ports.registry.claim('h', e, 30_000)).toBe('busy');
      } finally {
        await cleanup();
      }
    });

    it('counts failed attempts, dead-letters, lists and re-drives', async () => {
      const { ports, cleanup } = await open();
      try {
        const handler = unique('h');
        const e = event(unique('agg'), 1);
        expect(await ports.registry.claim(handler, e, 30_000)).toBe('claimed');
        expect(await ports.registry.release(handler, e.eventId, 'boom 1')).toBe(1);
        expect(await ports.registry.claim(handler, e, 30_000)).toBe('claimed');
        expect(await ports.registry.release(handler, e.eventId, 'boom 2')).toBe(2);
        await ports.registry.markDead(handler, e, 'boom 2');
        expect(await ports.registry.claim(handler, e, 30_000)).toBe('dead');
        expect(await ports.registry.deadLetters(handler)).toEqual([
          expect.objectContaining({ handler, eventId: e.eventId, sequenceNumber: 1, attempts: 2, lastError: 'boom 2' }),
        ]);
        expect(await ports.registry.redrive(handler, e.eventId)).toMatchObject({ eventId: e.eventId });
        expect(await ports.registry.redrive(handler, e.eventId)).toBeNull();
        expect(await ports.registry.deadLetters(handler)).toEqual([]);
        expect(await ports.registry.claim(handler, e, 30_000)).toBe('claimed');
      } finally {
        await cleanup();
      }
    });

    it('keeps the last sequence monotonic and stores documents', async () => {
      const { ports, cleanup } = await open();
      try {
        const agg = unique('agg');
        const doc = {
          id: unique('ot'),
          ontologyId: agg,
          apiName: 'Ship',
          displayName: 'Ship',
          description: '',
          status: 'experimental',
          properties: [ZPropertyDefinition.parse({ apiName: 'imo', displayName: 'IMO', dataType: 'string', required: true })],
          primaryKey: 'imo',
          version: 2,
          createdBy: 'ann',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedBy: 'ann',
          updatedAt: '2026-01-01T00:00:00.000Z',
        };
        await ports.objectTypes.commit('h', event(agg, 2), doc);
        await ports.objectTypes.commit('h', event(agg, 1), null);
        expect(await ports.registry.lastSeq('h', 'contract-test', agg)).toBe(2);
        expect(await ports.objectTypes.get(doc.id)).toEqual(doc);
        expect(await ports.objectTypes.list(agg)).toEqual([doc]);
      } finally {
        await cleanup();
      }
    });

  });
}

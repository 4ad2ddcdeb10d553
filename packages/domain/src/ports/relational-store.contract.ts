import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../eventstore/envelope';
import type { SequenceAllocator } from '../eventstore/sequence-allocator.port';
import { DomainError } from '../shared/errors';
import type { CommandLog } from './command-log.port';
import type { ObjectTypeReadModel } from './object-type-read-model.port';
import type { RelayCheckpointStore } from './relay-checkpoint.port';

export interface RelationalPorts {
  readonly allocator: SequenceAllocator;
  readonly commands: CommandLog;
  readonly objectTypes: ObjectTypeReadModel;
  readonly checkpoints: RelayCheckpointStore;
}

let counter = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

const event = (aggregateId: string, sequenceNumber: number): EventEnvelope => ({
  eventId: unique('evt'),
  commandId: unique('cmd'),
  aggregateType: 'ontology',
  aggregateId,
  sequenceNumber,
  eventType: 'ObjectTypeDefined',
  schemaVersion: 1,
  occurredAt: new Date().toISOString(),
  actor: 'tester',
  payload: {},
  metadata: { kind: 'domain', causationId: null, correlationId: 'c' },
});

/** The relational ports every relational adapter (PGlite, PostgreSQL) must honour identically. */
export function testRelationalStore(adapterName: string, open: () => Promise<{ ports: RelationalPorts; cleanup(): Promise<void> }>) {
  describe(`relational store contract: ${adapterName}`, () => {
    it('reserves positions in order and refuses a stale expected sequence with the current one', async () => {
      const { ports, cleanup } = await open();
      try {
        const id = unique('agg');
        expect(await ports.allocator.reserve('ontology', id, 2, 0, async (first) => first)).toBe(1);
        expect(await ports.allocator.current('ontology', id)).toBe(2);
        const stale = await ports.allocator.reserve('ontology', id, 1, 0, async () => 'written').catch((e: unknown) => e);
        expect(stale).toBeInstanceOf(DomainError);
        expect((stale as DomainError).kind).toBe('conflict');
        expect((stale as DomainError).context).toMatchObject({ expectedSeq: 0, currentSeq: 2 });
      } finally {
        await cleanup();
      }
    });

    it('leaves no hole when the write fails inside the reservation', async () => {
      const { ports, cleanup } = await open();
      try {
        const id = unique('agg');
        await expect(ports.allocator.reserve('ontology', id, 1, 0, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
        expect(await ports.allocator.current('ontology', id)).toBe(0);
        expect(await ports.allocator.reserve('ontology', id, 1, 0, async (first) => first)).toBe(1);
      } finally {
        await cleanup();
      }
    });

    it('lets exactly one of many racing writers with the same expected sequence win', async () => {
      const { ports, cleanup } = await open();
      try {
        const id = unique('agg');
        const results = await Promise.allSettled(
          Array.from({ length: 16 }, () => ports.allocator.reserve('ontology', id, 1, 0, async (first) => first)),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(await ports.allocator.current('ontology', id)).toBe(1);
      } finally {
        await cleanup();
      }
    });

    it('repairs a lagging allocator upwards only', async () => {
      const { ports, cleanup } = await open();
      try {
        const id = unique('agg');
        await ports.allocator.repair('ontology', id, 5);
        await ports.allocator.repair('ontology', id, 3);
        expect(await ports.allocator.current('ontology', id)).toBe(5);
      } finally {
        await cleanup();
      }
    });

    it('records a command once and returns the first record for a retried id', async () => {
      const { ports, cleanup } = await open();
      try {
        const commandId = unique('cmd');
        const record = { commandId, commandType: 'DefineObjectType', aggregateType: 'ontology', aggregateId: 'demo', actor: 'ann', payloadHash: 'h1' };
        expect(await ports.commands.begin(record)).toBeNull();
        await ports.commands.markApplied(commandId, 7);
        const again = await ports.commands.begin({ ...record, payloadHash: 'h2' });
        expect(again).toMatchObject({ commandId, status: 'applied', sequenceNumber: 7, payloadHash: 'h1' });
        await ports.commands.markFailed(commandId, { code: 'X', message: 'boom' });
        expect(await ports.commands.get(commandId)).toMatchObject({ status: 'failed', error: { code: 'X', message: 'boom' } });
      } finally {
        await cleanup();
      }
    });

    it('claims an event for one consumer, then reports it done after commit', async () => {
      const { ports, cleanup } = await open();
      try {
        const e = event(unique('agg'), 1);
        const claims = await Promise.all([1, 2, 3, 4].map(() => ports.objectTypes.claim('h', e, 30_000)));
        expect(claims.filter((c) => c === 'claimed')).toHaveLength(1);
        expect(claims.filter((c) => c === 'busy')).toHaveLength(3);
        const before = await ports.objectTypes.version();
        await ports.objectTypes.commit('h', e, null);
        expect(await ports.objectTypes.claim('h', e, 30_000)).toBe('already-done');
        expect(await ports.objectTypes.lastSeq('h', 'ontology', e.aggregateId)).toBe(1);
        expect(await ports.objectTypes.version()).toBe(before + 1);
        expect(await ports.objectTypes.claim('other-handler', e, 30_000)).toBe('claimed');
      } finally {
        await cleanup();
      }
    });

    it('lets another consumer take over an expired claim', async () => {
      const { ports, cleanup } = await open();
      try {
        const e = event(unique('agg'), 1);
        expect(await ports.objectTypes.claim('h', e, 1)).toBe('claimed');
        await new Promise((r) => setTimeout(r, 20));
        expect(await ports.objectTypes.claim('h', e, 30_000)).toBe('claimed');
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
          properties: [{ apiName: 'imo', displayName: 'IMO', dataType: 'string' as const, required: true, description: '' }],
          primaryKey: 'imo',
          version: 2,
          createdBy: 'ann',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedBy: 'ann',
          updatedAt: '2026-01-01T00:00:00.000Z',
        };
        await ports.objectTypes.commit('h', event(agg, 2), doc);
        await ports.objectTypes.commit('h', event(agg, 1), null);
        expect(await ports.objectTypes.lastSeq('h', 'ontology', agg)).toBe(2);
        expect(await ports.objectTypes.get(doc.id)).toEqual(doc);
        expect(await ports.objectTypes.list(agg)).toEqual([doc]);
      } finally {
        await cleanup();
      }
    });

    it('saves and loads the relay checkpoint', async () => {
      const { ports, cleanup } = await open();
      try {
        const relay = unique('relay');
        expect(await ports.checkpoints.load(relay)).toBeNull();
        await ports.checkpoints.save(relay, 'a');
        await ports.checkpoints.save(relay, 'b');
        expect(await ports.checkpoints.load(relay)).toBe('b');
      } finally {
        await cleanup();
      }
    });
  });
}

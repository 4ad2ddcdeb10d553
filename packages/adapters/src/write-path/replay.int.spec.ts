import { afterAll, beforeAll, expect, it } from 'vitest';
import { OBJECT_TYPE_PROJECTION, OBJECT_TYPE_SEARCH_INDEX, ONTOLOGY_AGGREGATE, isDomainError, type EventEnvelope } from '@spice/domain';
import { PgHandlerFence } from '@spice/db';
import type { System } from '../composition/composition-root';
import { eventuallyReadModelsMatch, expectReadModelsMatchEventStore } from '../testing/read-model-oracle';
import { forEachStack } from './support/test-stacks.int-support';
import { startWriteWorkers, type WriteWorkers } from './support/write-workers.int-support';

const actor = { id: 'replay-tester@spice.local' };
const ONTOLOGIES = 5;
const TYPES_PER_ONTOLOGY = 50;

/** Every row and search document the object-type projection owns for these ontologies (bookkeeping times left out). */
async function snapshot(system: System, ontologyIds: readonly string[]) {
  const { sql } = system.relational;
  const ids = [...ontologyIds];
  const rows = (await sql.query('select * from object_types where ontology_id = any($1) order by id', [ids])).rows;
  const registry = (
    await sql.query(
      `select event_id, aggregate_id, sequence_number, status, attempts, lease_until, last_error from processed_events
        where handler = $1 and aggregate_type = $2 and aggregate_id = any($3) order by aggregate_id, sequence_number`,
      [OBJECT_TYPE_PROJECTION, ONTOLOGY_AGGREGATE, ids],
    )
  ).rows as { event_id: string; status: string }[];
  const progress = (
    await sql.query(
      `select aggregate_id, last_seq from aggregate_progress where handler = $1 and aggregate_type = $2 and aggregate_id = any($3)
        order by aggregate_id`,
      [OBJECT_TYPE_PROJECTION, ONTOLOGY_AGGREGATE, ids],
    )
  ).rows as { aggregate_id: string; last_seq: number | string }[];
  const hits = await system.search.search(OBJECT_TYPE_SEARCH_INDEX, { filters: [{ field: 'ontologyId', op: 'in', values: ids }], limit: 1_000 });
  const search = hits.hits.map((h) => ({ id: h.id, body: h.body })).sort((a, b) => a.id.localeCompare(b.id));
  return { rows, registry, progress, search, searchTotal: hits.total };
}

/** One ontology's history: types defined, some of them updated, a few deleted, each command on the last version. */
async function writeOntology(system: System, ontologyId: string, types: number): Promise<void> {
  await system.ontology.createOntology({ ontologyId, displayName: `Replay ${ontologyId}` }, actor);
  const defined: { objectTypeId: string; version: number }[] = [];
  for (let i = 0; i < types; i++) {
    const outcome = await system.ontology.defineObjectType(
      ontologyId,
      {
        apiName: `Thing${i}`,
        displayName: `Thing number ${i}`,
        description: `The ${i}th thing of ${ontologyId}`,
        properties: [
          { apiName: 'code', displayName: 'Code', dataType: 'string', required: true },
          { apiName: 'weight', displayName: 'Weight', dataType: 'double' },
        ],
        primaryKey: 'code',
      },
      actor,
    );
    const stream = await system.events.readStream(ONTOLOGY_AGGREGATE, ontologyId, outcome.sequenceNumber!);
    defined.push({ objectTypeId: String((stream[0]!.payload as { objectTypeId: string }).objectTypeId), version: outcome.sequenceNumber! });
  }
  for (const [i, t] of defined.entries()) {
    if (i % 5 === 0) {
      const outcome = await system.ontology.updateObjectType(
        ontologyId,
        { objectTypeId: t.objectTypeId, expectedSeq: t.version, displayName: `Thing ${i}, renamed`, description: 'changed after the fact' },
        actor,
      );
      t.version = outcome.sequenceNumber!;
    }
    if (i % 10 === 3) await system.ontology.deleteObjectType(ontologyId, { objectTypeId: t.objectTypeId, expectedSeq: t.version }, actor);
  }
}

async function eventsOf(system: System, ontologyIds: readonly string[]): Promise<EventEnvelope[]> {
  return (await Promise.all(ontologyIds.map((id) => system.events.readStream(ONTOLOGY_AGGREGATE, id)))).flat();
}

forEachStack('replay of the object-type projection', (stack) => {
  let system: System;
  let workers: WriteWorkers;
  let ontologyIds: string[];

  beforeAll(async () => {
    ontologyIds = Array.from({ length: ONTOLOGIES }, (_, i) => `replay-${stack.run}-${i}`);
    system = await stack.open();
    // The normal path: commands append, the relay publishes, the consumer projects (on this run's own topic).
    workers = await startWriteWorkers(system, { topic: stack.topic, groupId: stack.groupId });
    await Promise.all(ontologyIds.map((id) => writeOntology(system, id, TYPES_PER_ONTOLOGY)));
    await eventuallyReadModelsMatch(system, ontologyIds, 120_000);
  });
  afterAll(async () => {
    await workers?.stop();
  });

  it('rebuilds rows, registry and search documents identical to the live ones and to the event store', async () => {
    const events = await eventsOf(system, ontologyIds);
    expect(events.length).toBeGreaterThanOrEqual(300);
    expect(new Set(events.map((e) => e.eventType))).toEqual(new Set(['OntologyCreated', 'ObjectTypeDefined', 'ObjectTypeUpdated', 'ObjectTypeDeleted']));
    const live = await snapshot(system, ontologyIds);
    expect(live.registry).toHaveLength(events.length);
    expect(live.registry.every((r) => r.status === 'done')).toBe(true);
    expect(live.rows.length).toBe(ONTOLOGIES * (TYPES_PER_ONTOLOGY - TYPES_PER_ONTOLOGY / 10));
    expect(live.search).toHaveLength(live.rows.length);

    const report = await system.replay.replay('object-types');
    expect(report).toMatchObject({ projection: 'object-types', handler: OBJECT_TYPE_PROJECTION });
    expect(report.events).toBeGreaterThanOrEqual(events.length);

    expect(await snapshot(system, ontologyIds)).toEqual(live);
    await expectReadModelsMatchEventStore(system, ontologyIds);
  });

  it('is safe beside running workers and writers: it converges on the event store and applies each event once', async () => {
    const extra = `replay-${stack.run}-beside`;
    const all = [...ontologyIds, extra];
    const writing = writeOntology(system, extra, 30);
    const replaying = (async () => {
      // Let the writer get going, so the replay starts with appends, claims and applies under way.
      while ((await system.events.readStream(ONTOLOGY_AGGREGATE, extra).catch(() => [])).length < 5) await new Promise((r) => setTimeout(r, 20));
      return system.replay.replay('object-types');
    })();
    await Promise.all([writing, replaying]);
    await eventuallyReadModelsMatch(system, all, 120_000);

    const events = await eventsOf(system, all);
    const after = await snapshot(system, all);
    const inStreamOrder = [...events].sort((a, b) => a.aggregateId.localeCompare(b.aggregateId) || a.sequenceNumber - b.sequenceNumber);
    expect(after.registry.map((r) => [r.event_id, r.status])).toEqual(inStreamOrder.map((e) => [e.eventId, 'done']));
    const lastSeqs = [...all].sort().map((id) => [id, Math.max(...events.filter((e) => e.aggregateId === id).map((e) => e.sequenceNumber))]);
    expect(after.progress.map((p) => [p.aggregate_id, Number(p.last_seq)])).toEqual(lastSeqs);
  });

  it('fences the handler: claims answer busy and a second replay is refused until the fence comes down', async () => {
    const fence = new PgHandlerFence(system.relational.db);
    const handler = `replay-fence-test-${stack.run}`;
    const [event] = await system.events.readStream(ONTOLOGY_AGGREGATE, ontologyIds[0]!);
    await fence.raise(handler, 'holder-a', 60_000);
    try {
      expect(await system.registry.claim(handler, event!, 30_000)).toBe('busy');
      const second = await fence.raise(handler, 'holder-b', 60_000).catch((e: unknown) => e);
      expect(isDomainError(second) && second.code).toBe('REPLAY.ALREADY_RUNNING');
    } finally {
      await fence.lift(handler, 'holder-a');
    }
    expect(await system.registry.claim(handler, event!, 30_000)).toBe('claimed');
    expect(await fence.inFlight(handler)).toBe(1);
  });

  it('refuses an unknown projection by name', async () => {
    const error = await system.replay.replay('objects').catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('REPLAY.UNKNOWN_PROJECTION');
  });
});

import { expect, it } from 'vitest';
import { PgEventLedger } from '@spice/db';
import { eventuallyReadModelsMatch } from '../testing/read-model-oracle';
import { forEachStack } from './support/test-stacks.int-support';
import { startWriteWorkers } from './support/write-workers.int-support';
import { seedOntologies } from './support/ontology-fixtures.int-support';
import { countingProjection, exactlyOnce, only } from './support/counting-projection.int-support';
import { expectEveryEventAppliedOnce, waitUntil } from './support/registry-checks.int-support';

/**
 * Must-pass 1: the relay's checkpoint is rolled back (the ledger rows are marked unpublished again, as an
 * operator's rewind or a relay that crashed between publishing and recording it would leave them), so every
 * event is published a second time. Every side effect must still happen exactly once.
 */
forEachStack('duplicate publish after a relay checkpoint rollback', (stack) => {
  it('republishes every event and applies each exactly once', async () => {
    const system = await stack.open();
    const counts = countingProjection();
    const handled = new Map<string, number>();
    const workers = await startWriteWorkers(system, {
      topic: stack.topic,
      groupId: stack.groupId,
      ports: counts.ports,
      handler: counts.handler,
      onHandled: (m) => handled.set(m.headers!.eventId!, (handled.get(m.headers!.eventId!) ?? 0) + 1),
    });

    const first = await seedOntologies(system, `dp-${stack.run}`, {
      ontologies: 3,
      objectTypesEach: 5,
      updatesEach: 2,
      deletesEach: 1,
    });
    await eventuallyReadModelsMatch(system, first.ontologyIds);
    await waitUntil('the first publication to be handled', () =>
      first.events.every((e) => (handled.get(e.eventId) ?? 0) >= 1),
    );

    const handledBeforeRewind = new Map(handled);
    const [oldest] = await system.events.readAll(null, 1);
    await new PgEventLedger(system.relational.db).rewind(oldest!.position);
    // New appends while the old ones are republished: they must come through too, once.
    const later = await seedOntologies(system, `dp2-${stack.run}`, {
      ontologies: 2,
      objectTypesEach: 2,
      updatesEach: 1,
    });

    await waitUntil('every event to be delivered again and handled', () =>
      first.events.every((e) => (handled.get(e.eventId) ?? 0) > handledBeforeRewind.get(e.eventId)!),
    );
    const all = [...first.events, ...later.events];
    await eventuallyReadModelsMatch(system, [...first.ontologyIds, ...later.ontologyIds]);
    await workers.stop();

    const expected = exactlyOnce(all);
    expect(only(counts.applied, Object.keys(expected.perEvent)), 'projection applies per event').toEqual(
      expected.perEvent,
    );
    expect(only(counts.committed, Object.keys(expected.perEvent)), 'read-model commits per event').toEqual(
      expected.perEvent,
    );
    expect(
      only(counts.searchWrites, Object.keys(expected.perDoc)),
      'search-index writes per document',
    ).toEqual(expected.perDoc);
    await expectEveryEventAppliedOnce(system);
  });
});

import { expect, it } from 'vitest';
import { isDomainError, ONTOLOGY_AGGREGATE, SEQUENCE_CONFLICT, type DomainError } from '@spice/domain';
import { eventuallyReadModelsMatch } from '../testing/read-model-oracle';
import { forEachStack } from './support/test-stacks.int-support';
import { startWriteWorkers } from './support/write-workers.int-support';
import { streamOf } from './support/ontology-fixtures.int-support';
import { expectEveryEventAppliedOnce } from './support/registry-checks.int-support';

const WRITERS = 32;
const actor = { id: 'write-path-tester@spice.local' };

/**
 * Must-pass 10: 32 writers append to one aggregate at once, all on the same expected sequence. Exactly one
 * append may land; the 31 others are refused with EVENT_STORE.SEQUENCE_CONFLICT carrying the current sequence,
 * and append nothing. Then the same through the command path: 32 edits of one object type at one version.
 */
forEachStack('32 concurrent writers on one aggregate', (stack) => {
  it('appends exactly once and answers the 31 others with a conflict carrying the current sequence', async () => {
    const system = await stack.open();
    const ontologyId = `occ-${stack.run}`;
    await system.ontology.createOntology({ ontologyId, displayName: 'Contended ontology' }, actor);

    for (let round = 1; round <= 3; round++) {
      const expectedSeq = round;
      const outcomes = await Promise.allSettled(
        Array.from({ length: WRITERS }, (_, writer) =>
          system.events.append({
            aggregateType: ONTOLOGY_AGGREGATE,
            aggregateId: ontologyId,
            expectedSeq,
            events: [
              { eventType: 'ObjectTypeDefined', schemaVersion: 1, payload: objectTypeDefined(round, writer) },
            ],
            context: { commandId: `occ-${stack.run}-r${round}-w${writer}`, actor: actor.id },
          }),
        ),
      );
      const landed = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(landed, `round ${round}: appends that landed`).toHaveLength(1);
      expect(landed[0]!.lastSeq).toBe(expectedSeq + 1);
      expect(refused.map(describeError), `round ${round}: the refused writers`).toEqual(
        Array.from({ length: WRITERS - 1 }, () => ({
          code: SEQUENCE_CONFLICT,
          kind: 'conflict',
          expectedSeq,
          currentSeq: expectedSeq + 1,
        })),
      );
      const stream = await streamOf(system, ontologyId);
      expect(
        stream.map((e) => e.sequenceNumber),
        `round ${round}: the stream`,
      ).toEqual(Array.from({ length: expectedSeq + 1 }, (_, i) => i + 1));
      expect(stream.at(-1)!.eventId).toBe(landed[0]!.events[0]!.eventId);
    }

    const workers = await startWriteWorkers(system, { topic: stack.topic, groupId: stack.groupId });
    await eventuallyReadModelsMatch(system, [ontologyId]);
    await workers.stop();
    expect(await system.ontology.listObjectTypes(ontologyId), 'one object type per round').toHaveLength(3);
    await expectEveryEventAppliedOnce(system);
  });

  it('through the command path: 32 edits of one object type at the same version, one applied, 31 refused', async () => {
    const system = await stack.open();
    const ontologyId = `occ-cmd-${stack.run}`;
    await system.ontology.createOntology({ ontologyId, displayName: 'Contended ontology' }, actor);
    const defined = await system.ontology.defineObjectType(
      ontologyId,
      { apiName: 'Vessel', displayName: 'Vessel' },
      actor,
    );
    const objectTypeId = String((await streamOf(system, ontologyId)).at(-1)!.payload.objectTypeId);
    const version = defined.sequenceNumber!;

    const outcomes = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, writer) =>
        system.ontology.updateObjectType(
          ontologyId,
          { objectTypeId, expectedSeq: version, displayName: `Vessel by writer ${writer}` },
          actor,
        ),
      ),
    );
    const applied = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as DomainError] : []));
    expect(applied, 'edits applied').toHaveLength(1);
    expect(applied[0]).toMatchObject({ status: 'applied', sequenceNumber: version + 1 });
    expect(
      refused.map((e) => ({
        code: e.code,
        kind: e.kind,
        expectedSeq: e.context.expectedSeq,
        currentSeq: e.context.currentSeq,
      })),
      'the refused edits',
    ).toEqual(
      Array.from({ length: WRITERS - 1 }, () => ({
        code: 'ONTOLOGY.OBJECT_TYPE_CHANGED',
        kind: 'conflict',
        expectedSeq: version,
        currentSeq: version + 1,
      })),
    );
    expect((await streamOf(system, ontologyId)).map((e) => e.sequenceNumber)).toEqual([1, 2, 3]);

    const workers = await startWriteWorkers(system, { topic: stack.topic, groupId: stack.groupId });
    await eventuallyReadModelsMatch(system, [ontologyId]);
    await workers.stop();
    const [vessel] = await system.ontology.listObjectTypes(ontologyId);
    expect(vessel).toMatchObject({
      version: version + 1,
      displayName: (await streamOf(system, ontologyId)).at(-1)!.payload.displayName,
    });
    await expectEveryEventAppliedOnce(system);
  });
});

function objectTypeDefined(round: number, writer: number) {
  return {
    objectTypeId: `ot_occ_r${round}_w${writer}`,
    apiName: `Round${round}Writer${writer}`,
    displayName: `Round ${round}, writer ${writer}`,
    description: '',
    status: 'experimental',
    properties: [],
    primaryKey: null,
  };
}

function describeError(e: unknown) {
  if (!isDomainError(e)) return { unexpected: String(e) };
  return { code: e.code, kind: e.kind, expectedSeq: e.context.expectedSeq, currentSeq: e.context.currentSeq };
}

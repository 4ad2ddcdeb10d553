import { expect, it } from 'vitest';
import { DomainError, ONTOLOGY_AGGREGATE, OBJECT_TYPE_SEARCH_INDEX, type OntologyService } from '@spice/domain';
import { eventuallyReadModelsMatch } from '../testing/read-model-oracle';
import { forEachStack } from '../write-path/support/test-stacks.int-support';
import { startWriteWorkers } from '../write-path/support/write-workers.int-support';
import type { System } from './composition-root';

const ada = { id: 'ada@spice.local' };
const grace = { id: 'grace@spice.local' };
const TYPES = 8;

async function refusal(attempt: Promise<unknown>): Promise<DomainError> {
  const outcome = await attempt.then(
    () => new Error('expected the command to be refused'),
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(DomainError);
  return outcome as DomainError;
}

async function defineTypes(ontology: OntologyService, ontologyId: string): Promise<void> {
  for (let i = 0; i < TYPES; i++) {
    await ontology.defineObjectType(ontologyId, { apiName: `Thing${i}`, displayName: `Thing ${i}`, properties: [{ apiName: 'code', displayName: 'Code', dataType: 'string', required: true }], primaryKey: 'code' }, ada);
  }
}

async function visible(system: System, commandId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await system.ontology.commandStatus(commandId);
    if (status.phase === 'visible') return;
    if (Date.now() > deadline) throw new Error(`command ${commandId} never became visible: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Update and delete through the service on both stacks: optimistic concurrency per object type, re-decided
 * appends when another type of the same ontology changed first, refused input appending nothing, command
 * status up to visible, and read models (table and search index) equal to the event store afterwards.
 */
forEachStack('object-type update and delete', (stack) => {
  it('edits of different types of one ontology at once all land; a stale edit of one type is refused and appends nothing', async () => {
    const system = await stack.open();
    const workers = await startWriteWorkers(system, { topic: stack.topic, groupId: stack.groupId });
    const ontologyId = `edits-${stack.run}`;
    await system.ontology.createOntology({ ontologyId, displayName: 'Edits' }, ada);
    await defineTypes(system.ontology, ontologyId);
    const defined = (await system.events.readStream(ONTOLOGY_AGGREGATE, ontologyId)).filter((e) => e.eventType === 'ObjectTypeDefined');
    const types = defined.map((e) => ({ id: String(e.payload.objectTypeId), version: e.sequenceNumber }));

    // Every writer loads the same ontology sequence, so all but one append meet EVENT_STORE.SEQUENCE_CONFLICT
    // and are decided again: none of them edits a type another changed, so every one lands.
    const outcomes = await Promise.all(
      types.map((t, i) => system.ontology.updateObjectType(ontologyId, { objectTypeId: t.id, expectedSeq: t.version, description: `edited by writer ${i}` }, grace)),
    );
    expect(outcomes.map((o) => o.status)).toEqual(Array(TYPES).fill('applied'));
    const lastDefined = types.at(-1)!.version;
    expect(outcomes.map((o) => o.sequenceNumber).sort((a, b) => a! - b!)).toEqual(Array.from({ length: TYPES }, (_, i) => lastDefined + i + 1));

    // An edit based on the version before those edits is refused with who and when, and appends nothing.
    const before = await system.events.readStream(ONTOLOGY_AGGREGATE, ontologyId);
    const stale = await refusal(system.ontology.updateObjectType(ontologyId, { objectTypeId: types[0]!.id, expectedSeq: types[0]!.version, displayName: 'Mine' }, ada));
    const edit0 = before.find((e) => e.eventType === 'ObjectTypeUpdated' && e.payload.objectTypeId === types[0]!.id)!;
    expect(stale).toMatchObject({ code: 'ONTOLOGY.OBJECT_TYPE_CHANGED', kind: 'conflict' });
    expect(stale.context).toMatchObject({ expectedSeq: types[0]!.version, currentSeq: edit0.sequenceNumber, changedBy: grace.id, changedAt: edit0.occurredAt });

    const missing = await refusal(system.ontology.deleteObjectType(ontologyId, { objectTypeId: types[1]!.id }, ada));
    expect(missing.issues).toEqual([expect.objectContaining({ path: 'expectedSeq', message: 'required: the version of the entity you last saw (its `version`)' })]);
    const invalid = await refusal(system.ontology.updateObjectType(ontologyId, { objectTypeId: types[1]!.id, expectedSeq: 0, colour: 'red' }, ada));
    expect(invalid.kind).toBe('invalid');
    expect(invalid.issues).toEqual([expect.objectContaining({ path: '(root)', message: expect.stringContaining('colour') })]);
    expect(await system.events.readStream(ONTOLOGY_AGGREGATE, ontologyId)).toEqual(before);

    // Deletes reach the table and the search index.
    const doomed = types.slice(0, 3);
    let lastDelete = '';
    for (const t of doomed) {
      const current = (await system.events.readStream(ONTOLOGY_AGGREGATE, ontologyId)).findLast((e) => e.payload.objectTypeId === t.id)!;
      lastDelete = (await system.ontology.deleteObjectType(ontologyId, { objectTypeId: t.id, expectedSeq: current.sequenceNumber }, ada)).commandId;
    }
    await visible(system, lastDelete);
    await eventuallyReadModelsMatch(system, [ontologyId]);
    const listed = await system.ontology.listObjectTypes(ontologyId);
    expect(listed.map((t) => t.id).sort()).toEqual(types.slice(3).map((t) => t.id).sort());
    expect(listed.every((t) => t.description.startsWith('edited by writer') && t.updatedBy === grace.id)).toBe(true);
    const hits = await system.search.search(OBJECT_TYPE_SEARCH_INDEX, { filters: [{ field: 'ontologyId', op: 'eq', value: ontologyId }], limit: 100 });
    expect(hits.hits.map((h) => h.id).sort()).toEqual(listed.map((t) => t.id).sort());

    // A refused command's status keeps its error; an unknown id is not found.
    const failedId = `${stack.run}-stale`;
    await refusal(system.ontology.deleteObjectType(ontologyId, { objectTypeId: types[4]!.id, expectedSeq: types[4]!.version }, ada, failedId));
    expect(await system.ontology.commandStatus(failedId)).toMatchObject({ phase: 'failed', error: { code: 'ONTOLOGY.OBJECT_TYPE_CHANGED' } });
    expect((await refusal(system.ontology.commandStatus('no-such-command'))).code).toBe('COMMAND.NOT_FOUND');
    await workers.stop();
  });
});

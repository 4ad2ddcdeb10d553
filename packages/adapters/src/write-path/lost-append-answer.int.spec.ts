import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { conflict, OBJECT_ALREADY_EXISTS, ONTOLOGY_AGGREGATE, type ObjectStore } from '@spice/domain';
import { eventuallyReadModelsMatch } from '../testing/read-model-oracle';
import { ontologyServiceOver } from './outage-support/cut-off-append.int-support';
import { actor, objectTypeInput } from './outage-support/ontology-fixtures.int-support';
import { EMBEDDED, REAL, uniqueName, type StackUnderTest } from './outage-support/stacks.int-support';
import { systemOnStack } from './outage-support/system-on-stack.int-support';

/**
 * The object store writes an event object, but its answer is lost and its client tries again: the retry finds
 * the key taken — by the first try — and reports it as taken. The append happened; the command must be
 * applied (once), not refused as if another writer had taken the position.
 */
function lostAppendAnswer(stack: StackUnderTest) {
  describe(`an event object written whose answer was lost, and the retry refused as already existing: ${stack.name}`, () => {
    const system = systemOnStack(stack);

    it('applies the command once: the event is in the stream and the ledger, the command log says applied', async () => {
      const ontologyId = uniqueName('lost-answer');
      await system().ontology.createOntology({ ontologyId, displayName: ontologyId }, actor);
      const objects = answerLostOnce(system().objects);
      const ontology = ontologyServiceOver(system(), { objects });

      const commandId = randomUUID();
      expect(await ontology.defineObjectType(ontologyId, objectTypeInput('Answered'), actor, commandId)).toMatchObject({ status: 'applied', sequenceNumber: 2 });
      expect(objects.lost).toBe(1);
      const stored = await system().events.readStream(ONTOLOGY_AGGREGATE, ontologyId);
      expect(stored.map((e) => [e.sequenceNumber, e.commandId === commandId])).toEqual([
        [1, false],
        [2, true],
      ]);
      expect(await system().ontology.command(commandId)).toMatchObject({ status: 'applied' });
      // The next command appends after it, as after any other.
      expect(await system().ontology.defineObjectType(ontologyId, objectTypeInput('After'), actor)).toMatchObject({ status: 'applied', sequenceNumber: 3 });
      await eventuallyReadModelsMatch(system(), [ontologyId]);
    });
  });
}

/** The store, except that the first event object it writes is reported as already there (by its own first try). */
function answerLostOnce(objects: ObjectStore): ObjectStore & { readonly lost: number } {
  let lost = 0;
  const putIfAbsent: ObjectStore['putIfAbsent'] = async (key, body, options) => {
    await objects.putIfAbsent(key, body, options);
    if (lost > 0 || !key.startsWith('streams/')) return;
    lost++;
    throw conflict(OBJECT_ALREADY_EXISTS, `Object already exists: ${key}`, { key });
  };
  return new Proxy(objects as ObjectStore & { readonly lost: number }, {
    get(target, property) {
      if (property === 'putIfAbsent') return putIfAbsent;
      if (property === 'lost') return lost;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

lostAppendAnswer(EMBEDDED);
lostAppendAnswer(REAL);

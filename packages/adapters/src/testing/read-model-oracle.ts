import { expect } from 'vitest';
import {
  OBJECT_TYPE_SEARCH_INDEX,
  ONTOLOGY_AGGREGATE,
  objectTypeDocId,
  objectTypeSearchBody,
  projectObjectType,
  type ObjectTypeDoc,
} from '@spice/domain';
import type { System } from '../composition/composition-root';

/**
 * The read models as the event store says they must be: every ontology stream, read from the object store
 * (the truth), folded with the projection's own pure fold.
 */
export async function expectedObjectTypes(system: System, ontologyIds: readonly string[]): Promise<Map<string, ObjectTypeDoc[]>> {
  const expected = new Map<string, ObjectTypeDoc[]>();
  for (const ontologyId of ontologyIds) {
    const docs = new Map<string, ObjectTypeDoc>();
    for (const event of await system.events.readStream(ONTOLOGY_AGGREGATE, ontologyId)) {
      const id = objectTypeDocId(event);
      if (!id) continue;
      const next = projectObjectType(docs.get(id) ?? null, event);
      if (next) docs.set(id, next);
      else docs.delete(id);
    }
    expected.set(ontologyId, [...docs.values()].sort((a, b) => a.apiName.localeCompare(b.apiName)));
  }
  return expected;
}

/**
 * Checks every read model of the write path against the event store: the object-type table holds exactly
 * the folded documents, and the search index holds exactly one document per object type with the body the
 * projection derives from it (no duplicates, nothing missing, nothing stale).
 */
export async function expectReadModelsMatchEventStore(system: System, ontologyIds: readonly string[]): Promise<void> {
  const expected = await expectedObjectTypes(system, ontologyIds);
  for (const [ontologyId, docs] of expected) {
    const listed = [...(await system.ontology.listObjectTypes(ontologyId))].sort((a, b) => a.apiName.localeCompare(b.apiName));
    expect(listed, `object-type read model of ${ontologyId}`).toEqual(docs);
    const hits = await system.search.search(OBJECT_TYPE_SEARCH_INDEX, {
      filters: [{ field: 'ontologyId', op: 'eq', value: ontologyId }],
      limit: 1000,
    });
    expect(hits.total, `search documents of ${ontologyId}`).toBe(docs.length);
    const bodies = Object.fromEntries(hits.hits.map((h) => [h.id, h.body]));
    expect(bodies, `search index of ${ontologyId}`).toEqual(Object.fromEntries(docs.map((d) => [d.id, objectTypeSearchBody(d)])));
  }
}

/** Polls until the read models match the event store, then asserts it (the last failure is the report). */
export async function eventuallyReadModelsMatch(system: System, ontologyIds: readonly string[], limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    try {
      await expectReadModelsMatchEventStore(system, ontologyIds);
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

import { objectTypeDocId, type ConsumerHandler, type EventEnvelope } from '@spice/domain';
import type { ProjectionPorts } from './write-workers.int-support';
import { boundMethods } from './bound-methods.int-support';

/** Counts the projection's side effects: applies and read-model commits per event, search writes per document. */
export function countingProjection() {
  const applied = new Map<string, number>();
  const committed = new Map<string, number>();
  const searchWrites = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  return {
    applied,
    committed,
    searchWrites,
    ports: (base: ProjectionPorts): ProjectionPorts => ({
      registry: base.registry,
      search: {
        ...boundMethods(base.search),
        index: async (index, id, body) => {
          await base.search.index(index, id, body);
          bump(searchWrites, id);
        },
        delete: async (index, id) => {
          await base.search.delete(index, id);
          bump(searchWrites, id);
        },
      },
      readModel: {
        ...boundMethods(base.readModel),
        commit: async (handler, event, doc) => {
          await base.readModel.commit(handler, event, doc);
          bump(committed, event.eventId);
        },
      },
    }),
    handler: (inner: ConsumerHandler): ConsumerHandler => ({
      name: inner.name,
      accepts: (event) => inner.accepts(event),
      apply: async (event) => {
        await inner.apply(event);
        bump(applied, event.eventId);
      },
    }),
  };
}

/** What exactly-once means for these events: one apply and one commit each, one search write per event touching a document. */
export function exactlyOnce(events: readonly EventEnvelope[]) {
  const perEvent = Object.fromEntries(events.map((e) => [e.eventId, 1]));
  const perDoc: Record<string, number> = {};
  for (const e of events) {
    const docId = objectTypeDocId(e);
    if (docId) perDoc[docId] = (perDoc[docId] ?? 0) + 1;
  }
  return { perEvent, perDoc };
}

export function only(counts: Map<string, number>, keys: Iterable<string>): Record<string, number> {
  const wanted = new Set(keys);
  return Object.fromEntries([...counts].filter(([k]) => wanted.has(k)));
}

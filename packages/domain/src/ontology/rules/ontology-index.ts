import { ENTITY_KINDS, type EntityKind } from '../model/definitions';
import type { EntityState, OntologyState } from '../ontology.state';

/** Live entities by kind and lower-cased apiName, built once per validation so lookups stay O(1). */
export interface OntologyIndex {
  readonly state: OntologyState;
  get<K extends EntityKind>(kind: K, apiName: string): EntityState<K> | undefined;
  live<K extends EntityKind>(kind: K): readonly EntityState<K>[];
}

export function indexOntology(state: OntologyState): OntologyIndex {
  const byName = new Map<EntityKind, Map<string, EntityState>>();
  const live = new Map<EntityKind, EntityState[]>();
  for (const kind of ENTITY_KINDS) {
    const names = new Map<string, EntityState>();
    const list: EntityState[] = [];
    for (const e of state.entities[kind].values() as Iterable<EntityState>) {
      if (e.deleted) continue;
      list.push(e);
      names.set(e.definition.apiName.toLowerCase(), e);
    }
    byName.set(kind, names);
    live.set(kind, list);
  }
  return {
    state,
    get: <K extends EntityKind>(kind: K, apiName: string) => byName.get(kind)?.get(apiName.toLowerCase()) as EntityState<K> | undefined,
    live: <K extends EntityKind>(kind: K) => (live.get(kind) ?? []) as EntityState<K>[],
  };
}

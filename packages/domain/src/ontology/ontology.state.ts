import { DEFINITION_SCHEMAS, ENTITY_KINDS, type DefinitionOf, type EntityKind } from './model/definitions';
import { ENTITY_EVENTS, entityEventKind } from './model/entity-events';
import { upcastLinkType } from './model/link-type.upcast';
import { MAIN_BRANCH, type BranchAbandoned, type BranchCreated, type BranchMerged, type BranchStarted, type OntologyCreated, type RecordedOntologyEvent } from './ontology.events';

/** One entity as the decider needs it; deleted ones stay as tombstones so their ids can't come back. */
export interface EntityState<K extends EntityKind = EntityKind> {
  readonly kind: K;
  readonly id: string;
  readonly definition: DefinitionOf[K];
  /** The stream sequence number of its last change: what update and delete compare `expectedSeq` with. */
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly deleted: boolean;
}

export type EntityMaps = { readonly [K in EntityKind]: ReadonlyMap<string, EntityState<K>> };

export interface OntologyState {
  readonly exists: boolean;
  readonly ontologyId: string | null;
  readonly displayName: string;
  readonly description: string;
  readonly branch: string;
  /** Where a branch started; null on main. */
  readonly base: { readonly fromBranch: string; readonly fromSeq: number } | null;
  /** Merged or abandoned branches take no more edits. */
  readonly closed: boolean;
  /** The last sequence number folded in. */
  readonly seq: number;
  /** On main: the branches made from it. */
  readonly branches: ReadonlyMap<string, BranchInfo>;
  /** Per kind: entity id -> state, tombstones included. */
  readonly entities: EntityMaps;
}

export interface BranchInfo {
  readonly name: string;
  readonly fromSeq: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly status: 'open' | 'merged' | 'abandoned';
  readonly closedBy: string | null;
  readonly closedAt: string | null;
}

const emptyEntities = (): EntityMaps =>
  Object.fromEntries(ENTITY_KINDS.map((k) => [k, new Map()])) as unknown as EntityMaps;

export const initialOntologyState: OntologyState = {
  exists: false,
  ontologyId: null,
  displayName: '',
  description: '',
  branch: MAIN_BRANCH,
  base: null,
  closed: false,
  seq: 0,
  branches: new Map(),
  entities: emptyEntities(),
};

/** Payload fields that describe the change, not the definition. */
const CHANGE_META_FIELDS = new Set(['breakingChanges', 'origin']);

/**
 * The definition an entity event (or a branch's starting snapshot) carries, upcast from older schema versions: by
 * the schema's defaults for fields added since, and for link types by moving version 2's translated names to the ends.
 */
export function definitionFromPayload<K extends EntityKind>(kind: K, payload: Readonly<Record<string, unknown>>): DefinitionOf[K] {
  const idField = ENTITY_EVENTS[kind].idField;
  const fields = Object.fromEntries(Object.entries(payload).filter(([k]) => k !== idField && !CHANGE_META_FIELDS.has(k)));
  return DEFINITION_SCHEMAS[kind].parse(kind === 'linkType' ? upcastLinkType(fields) : fields) as DefinitionOf[K];
}

export function evolveOntology(state: OntologyState, event: RecordedOntologyEvent): OntologyState {
  const { sequenceNumber, actor, occurredAt } = event.metadata;
  const stamped: OntologyState = { ...state, seq: sequenceNumber };
  switch (event.type) {
    case 'OntologyCreated': {
      const data = (event as OntologyCreated).data;
      return { ...stamped, exists: true, ontologyId: data.ontologyId, displayName: data.displayName, description: data.description };
    }
    case 'BranchCreated': {
      const data = (event as BranchCreated).data;
      const entities = emptyEntities() as Record<EntityKind, Map<string, EntityState>>;
      for (const e of data.entities) {
        entities[e.kind].set(e.id, {
          kind: e.kind,
          id: e.id,
          definition: definitionFromPayload(e.kind, e.definition as unknown as Readonly<Record<string, unknown>>),
          version: sequenceNumber,
          createdBy: e.changedBy,
          createdAt: e.changedAt,
          changedBy: e.changedBy,
          changedAt: e.changedAt,
          deleted: false,
        });
      }
      return {
        ...stamped,
        exists: true,
        ontologyId: data.ontologyId,
        branch: data.branch,
        base: { fromBranch: data.fromBranch, fromSeq: data.fromSeq },
        entities: entities as unknown as EntityMaps,
      };
    }
    case 'BranchStarted': {
      const { branch, fromSeq } = (event as BranchStarted).data;
      const branches = new Map(state.branches);
      branches.set(branch, { name: branch, fromSeq, createdBy: actor, createdAt: occurredAt, status: 'open', closedBy: null, closedAt: null });
      return { ...stamped, branches };
    }
    case 'BranchMerged':
    case 'BranchAbandoned': {
      const { branch } = (event as BranchMerged | BranchAbandoned).data;
      const current = state.branches.get(branch);
      if (!current) return stamped;
      const branches = new Map(state.branches);
      branches.set(branch, { ...current, status: event.type === 'BranchMerged' ? 'merged' : 'abandoned', closedBy: actor, closedAt: occurredAt });
      return { ...stamped, branches };
    }
    case 'BranchClosed':
      return { ...stamped, closed: true };
  }
  const entityEvent = entityEventKind(event.type);
  if (!entityEvent) return stamped;
  const { kind, op } = entityEvent;
  const payload = event.data as Readonly<Record<string, unknown>>;
  const id = String(payload[ENTITY_EVENTS[kind].idField]);
  const current = state.entities[kind].get(id);
  let next: EntityState;
  if (op === 'deleted') {
    if (!current) return stamped;
    next = { ...current, version: sequenceNumber, changedBy: actor, changedAt: occurredAt, deleted: true };
  } else {
    next = {
      kind,
      id,
      definition: definitionFromPayload(kind, payload),
      version: sequenceNumber,
      createdBy: current?.createdBy ?? actor,
      createdAt: current?.createdAt ?? occurredAt,
      changedBy: actor,
      changedAt: occurredAt,
      deleted: false,
    };
  }
  return { ...stamped, entities: withEntity(state.entities, next) };
}

export function withEntity(entities: EntityMaps, entity: EntityState): EntityMaps {
  const map = new Map(entities[entity.kind] as ReadonlyMap<string, EntityState>);
  map.set(entity.id, entity);
  return { ...entities, [entity.kind]: map } as EntityMaps;
}

/** The live (not deleted) entities of a kind. */
export function liveEntities<K extends EntityKind>(state: OntologyState, kind: K): EntityState<K>[] {
  return [...state.entities[kind].values()].filter((e) => !e.deleted);
}

/** The live entity of a kind with this apiName, compared without case: apiNames are unique regardless of case. */
export function findByApiName<K extends EntityKind>(state: OntologyState, kind: K, apiName: string): EntityState<K> | undefined {
  const wanted = apiName.toLowerCase();
  for (const e of state.entities[kind].values()) if (!e.deleted && e.definition.apiName.toLowerCase() === wanted) return e;
  return undefined;
}

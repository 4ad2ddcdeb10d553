import { ENTITY_KINDS, type DefinitionOf, type EntityKind } from './model/definitions';
import type { BranchInfo, EntityState, OntologyState } from './ontology.state';
import { cachedOntologyIssues, type EntityIssue } from './rules/ontology.validation';

export interface EntityView<K extends EntityKind = EntityKind> {
  readonly kind: K;
  readonly id: string;
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly definition: DefinitionOf[K];
}

/** What the workbench's header shows of an ontology on a branch: its names, the branch, and main's branches. */
export interface BranchHeaderView {
  readonly ontologyId: string;
  readonly displayName: string;
  readonly description: string;
  readonly branch: string;
  readonly base: OntologyState['base'];
  readonly closed: boolean;
  readonly seq: number;
  readonly branches: readonly BranchInfo[];
}

/** A branch of an ontology as the workbench shows it: plain data, every live entity with its version. */
export interface OntologyView extends BranchHeaderView {
  readonly entities: { readonly [K in EntityKind]: readonly EntityView<K>[] };
  /** Problems the ontology has under today's rules (left from older rules; new ones can't be appended). */
  readonly issues: readonly EntityIssue[];
}

const view = <K extends EntityKind>(e: EntityState<K>): EntityView<K> => ({
  kind: e.kind,
  id: e.id,
  version: e.version,
  createdBy: e.createdBy,
  createdAt: e.createdAt,
  changedBy: e.changedBy,
  changedAt: e.changedAt,
  definition: e.definition,
});

const views = new WeakMap<OntologyState, WeakMap<OntologyState, OntologyView>>();

/** The view of a branch (`state`) with what main contributes; remembered per pair of states, which never change. */
export function ontologyView(state: OntologyState, main: OntologyState = state): OntologyView {
  const byMain = views.get(state) ?? new WeakMap<OntologyState, OntologyView>();
  views.set(state, byMain);
  let found = byMain.get(main);
  if (!found) {
    found = buildView(state, main);
    byMain.set(main, found);
  }
  return found;
}

function buildView(state: OntologyState, main: OntologyState): OntologyView {
  const entities = Object.fromEntries(
    ENTITY_KINDS.map((kind) => [
      kind,
      [...(state.entities[kind].values() as Iterable<EntityState>)]
        .filter((e) => !e.deleted)
        .map(view)
        .sort((a, b) => a.definition.apiName.localeCompare(b.definition.apiName)),
    ]),
  ) as unknown as OntologyView['entities'];
  return { ...branchHeaderView(state, main), entities, issues: cachedOntologyIssues(state) };
}

/** The header of the branch `state` (main has the names and the list of branches). */
export function branchHeaderView(state: OntologyState, main: OntologyState = state): BranchHeaderView {
  return {
    ontologyId: state.ontologyId ?? '',
    displayName: main.displayName,
    description: main.description,
    branch: state.branch,
    base: state.base,
    closed: state.closed,
    seq: state.seq,
    branches: [...main.branches.values()],
  };
}

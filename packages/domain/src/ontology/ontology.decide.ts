import { conflict, DomainError, invalid, notFound, type FieldIssue } from '../shared/errors';
import { stableJson } from '../shared/stable-hash';
import { DEFINITION_SCHEMAS, ENTITY_LABEL, type AnyDefinition, type EntityKind } from './model/definitions';
import { invalidInput } from '../shared/zod-issues';
import type { EntityChange } from './model/entity-events';
import type { ApplyChanges, MergeBranch, OntologyCommand, PlannedChange } from './ontology.commands';
import { planMerge } from './branches/three-way-merge';
import { entityEvent, type OntologyEvent } from './ontology.events';
import { evolveOntology, type EntityState, type OntologyState } from './ontology.state';
import { breakingChanges } from './rules/breaking-changes';
import { indexOntology } from './rules/ontology-index';
import { cachedOntologyIssues, type EntityIssue } from './rules/ontology.validation';
import { entityReferences, propertyReferences } from './rules/references';

const UPPER: Record<EntityKind, string> = {
  objectType: 'OBJECT_TYPE',
  linkType: 'LINK_TYPE',
  interface: 'INTERFACE',
  sharedPropertyType: 'SHARED_PROPERTY_TYPE',
  valueType: 'VALUE_TYPE',
};

/** The code of the conflict an edit of a stale view gets, e.g. ONTOLOGY.OBJECT_TYPE_CHANGED. */
export const changedCode = (kind: EntityKind) => `ONTOLOGY.${UPPER[kind]}_CHANGED`;
export const OBJECT_TYPE_CHANGED = changedCode('objectType');
/** The code of an invalid definition of a kind, e.g. ONTOLOGY.INVALID_LINK_TYPE. */
export const invalidCode = (kind: EntityKind) => `ONTOLOGY.INVALID_${UPPER[kind]}`;
export const BREAKING_CHANGE = 'ONTOLOGY.BREAKING_CHANGE';
export const REFERENCED = 'ONTOLOGY.REFERENCED';

export function decideOntology(command: OntologyCommand, state: OntologyState): OntologyEvent[] {
  switch (command.type) {
    case 'CreateOntology':
      if (state.exists)
        throw conflict('ONTOLOGY.ALREADY_EXISTS', `Ontology "${command.data.ontologyId}" already exists`, { ontologyId: command.data.ontologyId });
      return [{ type: 'OntologyCreated', data: command.data }];
    case 'CreateBranch':
      if (state.exists) throw conflict('ONTOLOGY.BRANCH_EXISTS', `Branch "${command.data.branch}" already exists`, { branch: command.data.branch });
      return [{ type: 'BranchCreated', data: command.data }];
    case 'CloseBranch':
      requireOpen(state);
      return [{ type: 'BranchClosed', data: command.data }];
    case 'ApplyChanges':
      return decideChanges(command.data, state);
    case 'MergeBranch':
      return decideMerge(command.data, state);
    case 'StartBranch': {
      requireOpen(state);
      const { branch } = command.data;
      if (state.branches.has(branch)) throw conflict('ONTOLOGY.BRANCH_EXISTS', `Branch "${branch}" already exists`, { branch });
      return [{ type: 'BranchStarted', data: { branch, fromSeq: state.seq } }];
    }
    case 'AbandonBranch':
      requireOpenBranch(state, command.data.branch);
      return [{ type: 'BranchAbandoned', data: command.data }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function decideChanges(command: ApplyChanges['data'], state: OntologyState): OntologyEvent[] {
  requireOpen(state);
  refuseRepeatedEntities(command.changes);
  // A merge or an import reports every issue with the entity it is on, even when it changes one entity.
  const single = command.changes.length === 1 && (command.origin.kind === 'edit' || command.origin.kind === 'revert');
  const changes = command.changes.map((planned) => plan(planned, state, command.origin)).filter((c): c is EntityChange => c !== null);
  if (changes.length === 0) return [];

  const next = changes.reduce(
    (s, change, i) => evolveOntology(s, { ...entityEvent(change), metadata: { sequenceNumber: state.seq + i + 1, actor: '', occurredAt: '' } }),
    state,
  );
  refuseBrokenReferences(changes, state, next);

  const issues = newIssues(state, next);
  if (issues.length > 0) {
    const only = single ? changes[0]! : null;
    const code = only ? invalidCode(only.kind) : 'ONTOLOGY.INVALID_CHANGE';
    const what = only ? `The ${ENTITY_LABEL[only.kind]} is not valid` : 'The changes would leave the ontology invalid';
    throw invalid(code, what, issues.map((i) => (only && i.id === only.id ? stripEntity(i) : qualified(i))));
  }

  const breaking = changes.flatMap((c) => c.breakingChanges.map((b) => (single ? b : `${ENTITY_LABEL[c.kind]} ${c.definition.apiName}: ${b}`)));
  if (breaking.length > 0 && !command.acknowledgeBreakingChanges)
    throw new DomainError({
      code: BREAKING_CHANGE,
      kind: 'precondition',
      message: `This change breaks existing data or clients: ${breaking.join('; ')}. Confirm to apply it anyway.`,
      context: { breakingChanges: breaking },
    });

  const events: OntologyEvent[] = changes.map(entityEvent);
  if (command.merge) events.push({ type: 'BranchMerged', data: { ...command.merge, changeCount: changes.length } });
  return events;
}

export const MERGE_CONFLICT = 'ONTOLOGY.MERGE_CONFLICT';

function decideMerge(command: MergeBranch['data'], state: OntologyState): OntologyEvent[] {
  requireOpen(state);
  requireOpenBranch(state, command.branch);
  const plan = planMerge(command.base, command.head, state, command.resolutions);
  if (plan.conflicts.length > 0)
    throw conflict(
      MERGE_CONFLICT,
      `Main changed ${plan.conflicts.length === 1 ? 'something' : `${plan.conflicts.length} things`} the branch also changed: ${plan.conflicts
        .map((c) => `${ENTITY_LABEL[c.kind]} ${c.apiName} ${c.path}`)
        .join(', ')}. Choose a side for each to merge.`,
      { conflicts: plan.conflicts },
    );
  const merge = { branch: command.branch, branchSeq: command.head.seq, proposalId: command.proposalId };
  // Breaking changes were confirmed when they were made on the branch, and reviewed in the proposal.
  const events = decideChanges({ changes: plan.changes, acknowledgeBreakingChanges: true, origin: { kind: 'merge', detail: command.proposalId }, merge }, state);
  return events.length > 0 ? events : [{ type: 'BranchMerged', data: { ...merge, changeCount: 0 } }];
}

/** Each change is planned against the state before the command, so a second change of one entity would silently win. */
function refuseRepeatedEntities(changes: readonly PlannedChange[]): void {
  const first = new Map<string, number>();
  const issues: FieldIssue[] = [];
  changes.forEach((c, i) => {
    const key = `${c.kind}:${c.id}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else issues.push({ path: `changes.${i}`, rule: 'unique', message: `changes ${ENTITY_LABEL[c.kind]} ${c.id} again (changes.${earlier} already does)` });
  });
  if (issues.length > 0) throw invalid('ONTOLOGY.INVALID_CHANGE', 'A command changes each entity at most once', issues);
}

/** The change one planned change makes, or null when it changes nothing. */
function plan(planned: PlannedChange, state: OntologyState, origin: ApplyChanges['data']['origin']): EntityChange | null {
  const { kind, id } = planned;
  if (planned.op === 'define') {
    if (state.entities[kind].has(id))
      throw conflict(`ONTOLOGY.${UPPER[kind]}_ID_TAKEN`, `${capitalise(ENTITY_LABEL[kind])} id ${id} is already used in this ontology`, { id });
    // Parsed here too, not only by the caller: a definition built elsewhere (an import, a merge) gets the same
    // field-by-field refusal as an edit, and its defaults are filled in before it is stored.
    return { op: 'defined', kind, id, definition: checked(kind, planned.definition), breakingChanges: [], origin };
  }
  const current = requireUnchanged(state, kind, id, planned.expectedSeq);
  if (planned.op === 'delete') {
    if (kind === 'objectType' && (current as EntityState<'objectType'>).definition.status === 'active')
      throw new DomainError({
        code: 'ONTOLOGY.ACTIVE_OBJECT_TYPE',
        kind: 'precondition',
        message: `Object type ${current.definition.apiName} is active and can't be deleted; deprecate it first`,
        context: { id, apiName: current.definition.apiName },
      });
    return { op: 'deleted', kind, id, definition: current.definition, breakingChanges: [], origin };
  }
  const definition = patched(kind, current.definition, planned.patch);
  if (stableJson(definition) === stableJson(current.definition)) return null;
  if (kind === 'objectType') {
    const before = (current as EntityState<'objectType'>).definition;
    const after = definition as EntityState<'objectType'>['definition'];
    // Checked against the status before the change: demoting the type in the same edit must not free its key.
    if (before.status === 'active' && before.primaryKey !== after.primaryKey)
      throw invalid('ONTOLOGY.INVALID_OBJECT_TYPE', 'The object type is not valid', [
        { path: 'primaryKey', rule: 'active-key', message: `the primary key of an active object type can't change (it is ${before.primaryKey})` },
      ]);
  }
  return { op: 'updated', kind, id, definition, breakingChanges: breakingChanges(kind, current.definition, definition), origin };
}

/** The definition with the patch's fields laid over it, checked against the kind's schema. */
function patched(kind: EntityKind, current: AnyDefinition, patch: Readonly<Record<string, unknown>>): AnyDefinition {
  return checked(kind, { ...current, ...patch });
}

function checked(kind: EntityKind, definition: unknown): AnyDefinition {
  const parsed = DEFINITION_SCHEMAS[kind].safeParse(definition);
  if (!parsed.success) throw invalidInput(invalidCode(kind), parsed.error);
  return parsed.data;
}

/** Deleting or renaming anything still referenced is refused with the list of what refers to it. */
function refuseBrokenReferences(changes: readonly EntityChange[], before: OntologyState, after: OntologyState): void {
  const index = indexOntology(after);
  const priorIndex = indexOntology(before);
  // Only references that were there before the command and still are: one the command itself adds to something it
  // removes is a validation issue of the new reference ("there is no ..."), not a refusal to remove.
  const stillThere = (now: string[], prior: string[]) => now.filter((r) => prior.includes(r));
  for (const change of changes) {
    const previous = before.entities[change.kind].get(change.id);
    if (!previous || change.op === 'defined') continue;
    const oldName = previous.definition.apiName;
    const gone = change.op === 'deleted' || oldName.toLowerCase() !== change.definition.apiName.toLowerCase();
    if (gone && !index.get(change.kind, oldName)) {
      const refs = stillThere(entityReferences(index, change.kind, oldName), entityReferences(priorIndex, change.kind, oldName));
      if (refs.length > 0) throw referenced(`${capitalise(ENTITY_LABEL[change.kind])} ${oldName}`, change.op === 'deleted' ? 'deleted' : 'renamed', refs);
    }
    if (change.kind === 'objectType' && change.op === 'updated') {
      const prior = (previous as EntityState<'objectType'>).definition;
      const now = change.definition as EntityState<'objectType'>['definition'];
      for (const p of prior.properties) {
        if (now.properties.some((q) => q.apiName === p.apiName)) continue;
        const refs = stillThere(propertyReferences(index, now, p.apiName), propertyReferences(priorIndex, prior, p.apiName));
        if (refs.length > 0) throw referenced(`Property ${now.apiName}.${p.apiName}`, 'removed or renamed', refs);
      }
    }
  }
}

function referenced(what: string, action: string, references: string[]): DomainError {
  return new DomainError({
    code: REFERENCED,
    kind: 'precondition',
    message: `${what} can't be ${action}: it is used by ${references.join(', ')}`,
    context: { references },
  });
}

/** Issues the change introduces; ones the ontology already had (under older rules) don't block unrelated edits. */
function newIssues(before: OntologyState, after: OntologyState): EntityIssue[] {
  const key = (i: EntityIssue) => `${i.id}\u0000${i.path}\u0000${i.message}`;
  const old = new Set(cachedOntologyIssues(before).map(key));
  return cachedOntologyIssues(after).filter((i) => !old.has(key(i)));
}

const stripEntity = (i: EntityIssue): FieldIssue => ({ path: i.path, message: i.message, ...(i.rule ? { rule: i.rule } : {}) });

/** An issue on another entity than the one edited names that entity, e.g. `linkType.worksAt.sourceObjectType`. */
const qualified = (i: EntityIssue): FieldIssue => ({ path: `${i.kind}.${i.apiName}.${i.path}`, message: i.message, ...(i.rule ? { rule: i.rule } : {}) });

function requireOpenBranch(state: OntologyState, branch: string): void {
  const info = state.branches.get(branch);
  if (!info) throw notFound('ONTOLOGY.BRANCH_NOT_FOUND', `There is no branch "${branch}"`, { branch });
  if (info.status !== 'open')
    throw new DomainError({ code: 'ONTOLOGY.BRANCH_CLOSED', kind: 'precondition', message: `Branch "${branch}" was ${info.status} by ${info.closedBy} at ${info.closedAt}` });
}

function requireOpen(state: OntologyState): void {
  if (!state.exists) throw notFound('ONTOLOGY.NOT_FOUND', state.branch === 'main' ? 'The ontology does not exist' : `Branch "${state.branch}" does not exist`);
  if (state.closed)
    throw new DomainError({ code: 'ONTOLOGY.BRANCH_CLOSED', kind: 'precondition', message: `Branch "${state.branch}" is closed: it was merged or abandoned` });
}

/**
 * The entity a command edits, as long as nobody changed it since the client's `expectedSeq` (null: the caller
 * already decided against the current state, as a merge does). Checked before validation: an edit of a stale
 * view is a conflict whatever it contains.
 */
function requireUnchanged(state: OntologyState, kind: EntityKind, id: string, expectedSeq: number | null): EntityState {
  const label = ENTITY_LABEL[kind];
  const current = state.entities[kind].get(id) as EntityState | undefined;
  if (!current) throw notFound(`ONTOLOGY.${UPPER[kind]}_NOT_FOUND`, `There is no ${label} ${id} in this ontology`, { id });
  if (expectedSeq !== null && current.version !== expectedSeq) {
    const what = current.deleted ? 'deleted' : 'changed';
    throw conflict(
      changedCode(kind),
      `${capitalise(label)} ${current.definition.apiName} was ${what} by ${current.changedBy} at ${current.changedAt} (version ${current.version}); your edit is based on version ${expectedSeq}`,
      { id, ...(kind === 'objectType' ? { objectTypeId: id } : {}), kind, apiName: current.definition.apiName, expectedSeq, currentSeq: current.version, changedBy: current.changedBy, changedAt: current.changedAt, deleted: current.deleted },
    );
  }
  if (current.deleted) throw notFound(`ONTOLOGY.${UPPER[kind]}_NOT_FOUND`, `${capitalise(label)} ${current.definition.apiName} has been deleted`, { id });
  return current;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

import type { AnyDefinition, EntityKind } from './model/definitions';
import { ENTITY_EVENTS, type ChangeOrigin, type EntityChange } from './model/entity-events';

export interface OntologyCreated {
  readonly type: 'OntologyCreated';
  readonly data: { readonly ontologyId: string; readonly displayName: string; readonly description: string };
}

/**
 * Any entity change: `{ <kind>Id, ...definition, breakingChanges?, origin? }`, or `{ <kind>Id, apiName }` when
 * deleted. The event type names the kind and the change (see ENTITY_EVENTS).
 */
export interface EntityEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** An entity as a branch starts from it: its definition and when it last changed on the branch it came from. */
export interface EntitySnapshot {
  readonly kind: EntityKind;
  readonly id: string;
  readonly definition: AnyDefinition;
  readonly changedBy: string;
  readonly changedAt: string;
}

/** The first event of a branch's stream: the branch starts as a copy of `fromBranch` at `fromSeq`. */
export interface BranchCreated {
  readonly type: 'BranchCreated';
  readonly data: {
    readonly ontologyId: string;
    readonly branch: string;
    readonly fromBranch: string;
    readonly fromSeq: number;
    readonly entities: readonly EntitySnapshot[];
  };
}

/** On main: a branch was made from main as it was at `fromSeq` (the sequence number before this event). */
export interface BranchStarted {
  readonly type: 'BranchStarted';
  readonly data: { readonly branch: string; readonly fromSeq: number };
}

/** On main: a branch was given up without merging. */
export interface BranchAbandoned {
  readonly type: 'BranchAbandoned';
  readonly data: { readonly branch: string };
}

/** On the target branch, after the merged entity changes of the same append. */
export interface BranchMerged {
  readonly type: 'BranchMerged';
  readonly data: { readonly branch: string; readonly branchSeq: number; readonly proposalId: string; readonly changeCount: number };
}

/** On the source branch: the branch is closed to edits once merged or abandoned. */
export interface BranchClosed {
  readonly type: 'BranchClosed';
  readonly data: { readonly reason: 'merged' | 'abandoned'; readonly proposalId: string | null };
}

export type OntologyEvent = OntologyCreated | EntityEvent | BranchStarted | BranchAbandoned | BranchCreated | BranchMerged | BranchClosed;

/** What the store stamps on an appended event and the state needs: where, who and when. */
export interface RecordedMetadata {
  readonly sequenceNumber: number;
  readonly actor: string;
  readonly occurredAt: string;
}

export type RecordedOntologyEvent = OntologyEvent & { readonly metadata: RecordedMetadata };

/** The main branch's stream; other branches live in their own streams (see branchAggregateId). */
export const ONTOLOGY_AGGREGATE = 'ontology';
export const ONTOLOGY_BRANCH_AGGREGATE = 'ontology-branch';
/**
 * 2: every entity kind, structured data types, translations (version 1 payloads still fold: absent fields take defaults).
 * 3: link ends carry their own translated names, a link type's translations only its description (see upcastLinkType).
 */
export const ONTOLOGY_EVENT_SCHEMA_VERSION = 3;
export const MAIN_BRANCH = 'main';

export const branchAggregateId = (ontologyId: string, branch: string): string => `${ontologyId}:${branch}`;

export function entityEvent(change: EntityChange): EntityEvent {
  const names = ENTITY_EVENTS[change.kind];
  const id = { [names.idField]: change.id };
  if (change.op === 'deleted') return { type: names.deleted, data: { ...id, apiName: change.definition.apiName } };
  const meta: { breakingChanges?: readonly string[]; origin?: ChangeOrigin } = {};
  if (change.breakingChanges.length > 0) meta.breakingChanges = change.breakingChanges;
  if (change.origin.kind !== 'edit') meta.origin = change.origin;
  return { type: change.op === 'defined' ? names.defined : names.updated, data: { ...id, ...change.definition, ...meta } };
}

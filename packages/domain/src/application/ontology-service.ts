import type { EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import { normaliseAggregateId } from '../eventstore/aggregate-id';
import type { CommandLog, CommandRecord } from '../ports/command-log.port';
import type { Clock, IdGenerator } from '../ports/clock.port';
import type { ObjectTypeReadModel } from '../ports/object-type-read-model.port';
import type { ProcessedEventsRegistry } from '../ports/processed-events.port';
import type { SearchIndex } from '../ports/search-index.port';
import { invalid, notFound } from '../shared/errors';
import { parseOrThrow } from '../shared/zod-issues';
import { ENTITY_ID_PREFIX, DEFINITION_SCHEMAS, type EntityKind } from '../ontology/model/definitions';
import {
  ENTITY_PATCH_SCHEMAS,
  ZBranchName,
  ZCreateOntologyInput,
  ZDefineObjectTypeInput,
  ZDeleteObjectTypeInput,
  ZExpectedSeq,
  ZUpdateObjectTypeInput,
  type OntologyCommand,
  type PlannedChange,
} from '../ontology/ontology.commands';
import { decideOntology, invalidCode } from '../ontology/ontology.decide';
import {
  branchAggregateId,
  MAIN_BRANCH,
  ONTOLOGY_AGGREGATE,
  ONTOLOGY_BRANCH_AGGREGATE,
  ONTOLOGY_EVENT_SCHEMA_VERSION,
  type RecordedOntologyEvent,
} from '../ontology/ontology.events';
import { evolveOntology, initialOntologyState, type OntologyState } from '../ontology/ontology.state';
import { OBJECT_TYPE_SEARCH_INDEX, type ObjectTypeDoc } from '../ontology/object-type.projection';
import { branchHeaderView, ontologyView, type BranchHeaderView, type OntologyView } from '../ontology/ontology.view';
import { objectTypePageView, type ObjectTypePageView } from '../ontology/object-type-page.view';
import { entityHistory, type EntityVersion } from '../ontology/entity-history';
import type { BranchComparison } from '../ontology/branches/branch-comparison';
import { diffOntologies } from '../ontology/branches/ontology-diff';
import { planMerge, type MergeResolution } from '../ontology/branches/three-way-merge';
import { exportOntology, importOntology, planImport, type InterchangeFormat as ExportFormat } from '../ontology/interchange';
import {
  currentApproval,
  decideProposal,
  evolveProposal,
  initialProposalState,
  PROPOSAL_AGGREGATE,
  ZCommentInput,
  ZOpenProposalInput,
  type ProposalCommand,
  type ProposalState,
  type RecordedProposalEvent,
} from '../proposals/proposal';
import { z } from 'zod';
import {
  ONTOLOGY_CATALOG_ID,
  ontologyCatalog,
} from '../ontology/ontology-catalog';
import type { CatalogCommand, CatalogState } from '../shared/id-catalog';
import { OBJECT_TYPE_PROJECTION } from './object-type-projector';
import { StreamCommandRunner, type Actor, type CommandOutcome } from './stream-command-runner';

export type { Actor, CommandOutcome } from './stream-command-runner';

/**
 * Where a command is: `pending` (accepted, not decided yet), `applied` (appended at `sequenceNumber`),
 * `visible` (applied, and the object-type read model and search index have caught up with it), or `failed`.
 */
export type CommandPhase = 'pending' | 'applied' | 'visible' | 'failed';

export interface CommandStatusView {
  readonly commandId: string;
  readonly commandType: string;
  readonly ontologyId: string;
  readonly status: CommandRecord['status'];
  readonly phase: CommandPhase;
  readonly sequenceNumber: number | null;
  readonly error: CommandRecord['error'];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface OntologyServiceDeps {
  readonly events: EventStore;
  readonly commands: CommandLog;
  readonly objectTypes: ObjectTypeReadModel;
  readonly search: SearchIndex;
  /** How far the object-type projection has got per ontology: what makes an applied command visible. */
  readonly progress: Pick<ProcessedEventsRegistry, 'lastSeq'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface OntologySummary {
  readonly ontologyId: string;
  readonly displayName: string;
  readonly description: string;
  readonly objectTypes: number;
  readonly linkTypes: number;
  readonly openBranches: number;
  readonly seq: number;
}

/** Which ontology and which of its branches a call is about. */
export interface OntologyRef {
  readonly ontologyId: string;
  readonly branch: string;
}

export interface ProposalView extends Omit<ProposalState, 'exists' | 'seq'> {
  readonly branchSeq: number;
  readonly approvedAsIs: boolean;
  readonly comparison: BranchComparison;
}

const ZUpdateEntityInput = z
  .object({ id: z.string().min(1, 'must not be empty'), expectedSeq: ZExpectedSeq, patch: z.record(z.string(), z.unknown()), acknowledgeBreakingChanges: z.boolean().default(false) })
  .strict();
const ZDeleteEntityInput = z.object({ id: z.string().min(1, 'must not be empty'), expectedSeq: ZExpectedSeq }).strict();
const ZRevertEntityInput = z
  .object({ id: z.string().min(1), expectedSeq: ZExpectedSeq, toVersion: z.number().int().positive(), acknowledgeBreakingChanges: z.boolean().default(false) })
  .strict();
export const ZMergeResolutions = z
  .array(z.object({ kind: z.enum(['objectType', 'linkType', 'interface', 'sharedPropertyType', 'valueType']), id: z.string(), path: z.string(), take: z.enum(['branch', 'main']) }).strict())
  .max(1000)
  .default([]);

const toRecorded = <E>(e: EventEnvelope) =>
  ({ type: e.eventType, data: e.payload, metadata: { sequenceNumber: e.sequenceNumber, actor: e.actor, occurredAt: e.occurredAt } }) as unknown as E;

const ontologyDecider = (aggregateType: string) => ({
  aggregateType,
  schemaVersion: ONTOLOGY_EVENT_SCHEMA_VERSION,
  contendedCode: 'ONTOLOGY.CONTENDED',
  initial: initialOntologyState,
  decide: decideOntology,
  evolve: (s: OntologyState, e: EventEnvelope) => evolveOntology(s, toRecorded<RecordedOntologyEvent>(e)),
  retryStable: retryStableData,
});

/** Commands and queries on ontologies, their branches and proposals; the web app and the workers both call this. */
export class OntologyService {
  private readonly main: StreamCommandRunner<OntologyCommand, OntologyState>;
  private readonly branches: StreamCommandRunner<OntologyCommand, OntologyState>;
  private readonly proposals: StreamCommandRunner<ProposalCommand, ProposalState>;
  private readonly catalog: StreamCommandRunner<CatalogCommand, CatalogState>;

  constructor(private readonly deps: OntologyServiceDeps) {
    this.main = new StreamCommandRunner(deps, ontologyDecider(ONTOLOGY_AGGREGATE));
    this.branches = new StreamCommandRunner(deps, ontologyDecider(ONTOLOGY_BRANCH_AGGREGATE));
    this.proposals = new StreamCommandRunner(deps, {
      aggregateType: PROPOSAL_AGGREGATE,
      schemaVersion: 1,
      contendedCode: 'PROPOSAL.CONTENDED',
      initial: initialProposalState,
      decide: decideProposal,
      evolve: (s, e) => evolveProposal(s, toRecorded<RecordedProposalEvent>(e)),
    });
    this.catalog = new StreamCommandRunner(deps, ontologyCatalog);
  }

  async createOntology(input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const data = parseOrThrow(ZCreateOntologyInput, input, 'ONTOLOGY.INVALID_INPUT');
    const outcome = await this.main.execute(data.ontologyId, { type: 'CreateOntology', data }, actor, commandId);
    // After the ontology exists; a crash in between is healed by the next create (or seed) of the same id.
    if (outcome.status === 'applied') await this.catalog.execute(ONTOLOGY_CATALOG_ID, { type: 'Register', data: { id: data.ontologyId } }, actor);
    return outcome;
  }

  /** Every ontology with what the list shows of it. */
  async listOntologies(): Promise<OntologySummary[]> {
    const { state } = await this.catalog.load(ONTOLOGY_CATALOG_ID);
    const summaries = await Promise.all(
      state.ids.map(async (ontologyId) => {
        const { state: main } = await this.main.load(ontologyId);
        const count = (kind: EntityKind) => [...main.entities[kind].values()].filter((e) => !e.deleted).length;
        return {
          ontologyId,
          displayName: main.displayName,
          description: main.description,
          objectTypes: count('objectType'),
          linkTypes: count('linkType'),
          openBranches: [...main.branches.values()].filter((b) => b.status === 'open').length,
          seq: main.seq,
        };
      }),
    );
    return summaries.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  // ── Entities ────────────────────────────────────────────────────────────────────────────────────────────

  async defineEntity(ref: OntologyRef, kind: EntityKind, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome & { id: string }> {
    const definition = parseOrThrow(DEFINITION_SCHEMAS[kind], input, invalidCode(kind));
    const id = this.deps.ids.prefixed(ENTITY_ID_PREFIX[kind].replace(/_$/, ''));
    const outcome = await this.run(ref, edit([{ op: 'define', kind, id, definition }]), actor, commandId);
    return { ...outcome, id };
  }

  /** Changes the fields in `patch`; refused with ONTOLOGY.<KIND>_CHANGED if `expectedSeq` is stale. */
  async updateEntity(ref: OntologyRef, kind: EntityKind, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const { id, expectedSeq, patch, acknowledgeBreakingChanges } = parseOrThrow(ZUpdateEntityInput, input, invalidCode(kind));
    const fields = parseOrThrow(ENTITY_PATCH_SCHEMAS[kind], patch, invalidCode(kind));
    if (Object.keys(fields).length === 0)
      throw invalid(invalidCode(kind), 'The input is not valid', [{ path: 'patch', rule: 'required', message: 'nothing to update: give at least one field' }]);
    return this.run(ref, edit([{ op: 'update', kind, id, expectedSeq, patch: fields }], acknowledgeBreakingChanges), actor, commandId);
  }

  async deleteEntity(ref: OntologyRef, kind: EntityKind, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const { id, expectedSeq } = parseOrThrow(ZDeleteEntityInput, input, 'ONTOLOGY.INVALID_INPUT');
    return this.run(ref, edit([{ op: 'delete', kind, id, expectedSeq }]), actor, commandId);
  }

  /** Makes an entity what it was at `toVersion` again, as a new version (history is never rewritten). */
  async revertEntity(ref: OntologyRef, kind: EntityKind, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const { id, expectedSeq, toVersion, acknowledgeBreakingChanges } = parseOrThrow(ZRevertEntityInput, input, 'ONTOLOGY.INVALID_INPUT');
    const target = (await this.history(ref, kind, id)).find((v) => v.version === toVersion);
    if (!target || target.change === 'deleted')
      throw notFound('ONTOLOGY.VERSION_NOT_FOUND', `There is no version ${toVersion} of ${id} to revert to`, { id, toVersion });
    const change: PlannedChange = { op: 'update', kind, id, expectedSeq, patch: target.definition as unknown as Record<string, unknown> };
    const command: OntologyCommand = { type: 'ApplyChanges', data: { changes: [change], acknowledgeBreakingChanges, origin: { kind: 'revert', detail: String(toVersion) } } };
    return this.run(ref, command, actor, commandId);
  }

  async model(ref: OntologyRef): Promise<OntologyView> {
    const { state, main } = await this.branchAndMain(ref);
    return ontologyView(state, main);
  }

  /** What the workbench's header needs of a branch, without its entities. */
  async branchHeader(ref: OntologyRef): Promise<BranchHeaderView> {
    const { state, main } = await this.branchAndMain(ref);
    return branchHeaderView(state, main);
  }

  /** One object type with what its page shows of the rest: its links, interfaces, shared and value types, users. */
  async objectTypePage(ref: OntologyRef, id: string): Promise<ObjectTypePageView> {
    const { state, main } = await this.branchAndMain(ref);
    const page = objectTypePageView(state, main, id);
    if (!page) throw notFound('ONTOLOGY.OBJECT_TYPE_NOT_FOUND', `There is no object type ${id} on branch "${ref.branch}"`, { ...ref, id });
    return page;
  }

  /** How far the branch's stream has got: what a live view compares to know it must reload. */
  async streamSeq(ref: OntologyRef): Promise<number> {
    const runner = ref.branch === MAIN_BRANCH ? this.main : this.branches;
    return (await runner.load(streamId(ref))).seq;
  }

  async history(ref: OntologyRef, kind: EntityKind, id: string): Promise<EntityVersion[]> {
    const runner = ref.branch === MAIN_BRANCH ? this.main : this.branches;
    const events = await runner.read(streamId(ref));
    return entityHistory(events.map(toRecorded<RecordedOntologyEvent>), kind, id);
  }

  // ── Import and export ───────────────────────────────────────────────────────────────────────────────────

  async exportOntology(ref: OntologyRef, format: ExportFormat): Promise<string> {
    const main = await this.requireMain(ref.ontologyId);
    const state = ref.branch === MAIN_BRANCH ? main : await this.requireBranch(ref, main);
    return exportOntology(state, format);
  }

  /** Validates the whole document, then applies it in one append or not at all. */
  async importOntology(ref: OntologyRef, input: { format: ExportFormat; content: string; mode: 'replace' | 'merge' }, actor: Actor, commandId?: string): Promise<CommandOutcome & { changes: number }> {
    const imported = importOntology(input.content, input.format);
    const state = ref.branch === MAIN_BRANCH ? await this.requireMain(ref.ontologyId) : await this.requireBranch(ref);
    const changes = planImport(state, imported, { mode: input.mode, newId: (kind) => this.deps.ids.prefixed(ENTITY_ID_PREFIX[kind].replace(/_$/, '')) });
    if (changes.length === 0) return { commandId: commandId ?? '', status: 'applied', sequenceNumber: state.seq, changes: 0 };
    const command: OntologyCommand = { type: 'ApplyChanges', data: { changes, acknowledgeBreakingChanges: true, origin: { kind: 'import', detail: input.format } } };
    return { ...(await this.run(ref, command, actor, commandId)), changes: changes.length };
  }

  // ── Branches ────────────────────────────────────────────────────────────────────────────────────────────

  /** Registers the branch on main, then starts its own stream as a copy of main at that point. */
  async createBranch(ontologyId: string, input: { branch: string }, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const branch = parseOrThrow(z.object({ branch: ZBranchName }).strict(), input, 'ONTOLOGY.INVALID_INPUT').branch;
    const outcome = await this.main.execute(ontologyId, { type: 'StartBranch', data: { branch } }, actor, commandId);
    await this.requireBranch({ ontologyId, branch });
    return outcome;
  }

  async abandonBranch(ref: OntologyRef, actor: Actor): Promise<void> {
    await this.main.execute(ref.ontologyId, { type: 'AbandonBranch', data: { branch: ref.branch } }, actor);
    await this.branches.execute(streamId(ref), { type: 'CloseBranch', data: { reason: 'abandoned', proposalId: null } }, actor);
  }

  async compareBranch(ref: OntologyRef): Promise<BranchComparison> {
    const main = await this.requireMain(ref.ontologyId);
    const head = await this.requireBranch(ref, main);
    const base = await this.branchBase(ref);
    return { changes: diffOntologies(base, head), mainChanges: diffOntologies(base, main), conflicts: planMerge(base, head, main).conflicts };
  }

  // ── Proposals ───────────────────────────────────────────────────────────────────────────────────────────

  async openProposal(ref: OntologyRef, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const data = parseOrThrow(ZOpenProposalInput, input, 'PROPOSAL.INVALID_INPUT');
    await this.requireBranch(ref);
    return this.proposals.execute(streamId(ref), { type: 'OpenProposal', data: { ...ref, ...data } }, actor, commandId);
  }

  async proposal(ref: OntologyRef): Promise<ProposalView> {
    const { state } = await this.proposals.load(streamId(ref));
    if (!state.exists) throw notFound('PROPOSAL.NOT_FOUND', `Branch "${ref.branch}" has no proposal`, { ...ref });
    const { seq: branchSeq } = await this.branches.load(streamId(ref));
    const { exists: _exists, seq: _seq, ...proposal } = state;
    return { ...proposal, branchSeq, approvedAsIs: currentApproval(state, branchSeq) !== null, comparison: await this.compareBranch(ref) };
  }

  async listProposals(ontologyId: string): Promise<Omit<ProposalState, 'exists' | 'seq'>[]> {
    const main = await this.requireMain(ontologyId);
    const found = await Promise.all([...main.branches.keys()].map((branch) => this.proposals.load(streamId({ ontologyId, branch }))));
    return found.filter((p) => p.state.exists).map(({ state: { exists: _e, seq: _s, ...p } }) => p);
  }

  /**
   * Where every stream a proposal view is built from has got: main (branches, merges, what conflicts), each
   * branch and each branch's proposal. It changes whenever any of them moves, so a live view compares it to
   * know it must reload; read from the store, it also sees appends made by other processes.
   */
  async proposalsToken(ontologyId: string): Promise<string> {
    const { state: main } = await this.main.load(ontologyId);
    const branches = await Promise.all(
      [...main.branches.keys()].sort().map(async (branch) => {
        const id = streamId({ ontologyId, branch });
        const [head, proposal] = await Promise.all([this.branches.load(id), this.proposals.load(id)]);
        return `${branch}:${head.seq}:${proposal.seq}`;
      }),
    );
    return [`main:${main.seq}`, ...branches].join(' ');
  }

  async commentOnProposal(ref: OntologyRef, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const data = parseOrThrow(ZCommentInput, input, 'PROPOSAL.INVALID_INPUT');
    return this.proposals.execute(streamId(ref), { type: 'CommentOnProposal', data: { commentId: this.deps.ids.prefixed('cm'), ...data } }, actor, commandId);
  }

  /** Approves the branch as it is now; a later change to it needs a new approval. */
  async approveProposal(ref: OntologyRef, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const { seq: branchSeq } = await this.branches.load(streamId(ref));
    return this.proposals.execute(streamId(ref), { type: 'ApproveProposal', data: { reviewer: actor.id, branchSeq } }, actor, commandId);
  }

  async closeProposal(ref: OntologyRef, input: { reason: string }, actor: Actor): Promise<CommandOutcome> {
    return this.proposals.execute(streamId(ref), { type: 'CloseProposal', data: { reason: String(input.reason ?? '') } }, actor);
  }

  /**
   * Merges an approved proposal's branch into main: the merge (with the editor's choices for any conflicts) in
   * one append on main, then the proposal and the branch are closed. A retry after a crash in between finds
   * the branch merged on main and finishes the rest.
   */
  async mergeProposal(ref: OntologyRef, input: { resolutions?: unknown }, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const resolutions = parseOrThrow(ZMergeResolutions, input.resolutions ?? [], 'PROPOSAL.INVALID_INPUT') as MergeResolution[];
    const id = streamId(ref);
    const { state: proposal } = await this.proposals.load(id);
    const head = await this.requireBranch(ref);
    const dryRun: ProposalCommand = { type: 'RecordProposalMerged', data: { mainSeq: 0, branchSeq: head.seq } };
    decideProposal(dryRun, proposal);
    const main = await this.requireMain(ref.ontologyId);
    let mainSeq = main.seq;
    if (main.branches.get(ref.branch)?.status !== 'merged') {
      const base = await this.branchBase(ref);
      const merged = await this.main.execute(ref.ontologyId, { type: 'MergeBranch', data: { proposalId: id, branch: ref.branch, base, head, resolutions } }, actor, commandId);
      mainSeq = merged.sequenceNumber ?? mainSeq;
    }
    const outcome = await this.proposals.execute(id, { type: 'RecordProposalMerged', data: { mainSeq, branchSeq: head.seq } }, actor);
    if (!head.closed) await this.branches.execute(id, { type: 'CloseBranch', data: { reason: 'merged', proposalId: id } }, actor);
    return outcome;
  }

  // ── Object types (the read model and search) ────────────────────────────────────────────────────────────

  async defineObjectType(ontologyId: string, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const definition = parseOrThrow(ZDefineObjectTypeInput, input, 'ONTOLOGY.INVALID_OBJECT_TYPE');
    const id = this.deps.ids.prefixed('ot');
    return this.run({ ontologyId, branch: MAIN_BRANCH }, edit([{ op: 'define', kind: 'objectType', id, definition }]), actor, commandId);
  }

  /** Changes an object type's fields; refused with ONTOLOGY.OBJECT_TYPE_CHANGED if `expectedSeq` is stale. */
  async updateObjectType(ontologyId: string, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const { objectTypeId, expectedSeq, acknowledgeBreakingChanges, ...patch } = parseOrThrow(ZUpdateObjectTypeInput, input, 'ONTOLOGY.INVALID_OBJECT_TYPE');
    // The fields are at the top of this flat input, so "nothing to change" is about the input as a whole.
    if (Object.keys(patch).length === 0)
      throw invalid('ONTOLOGY.INVALID_OBJECT_TYPE', 'The input is not valid', [{ path: '(root)', rule: 'required', message: 'nothing to update: give at least one field' }]);
    return this.updateEntity({ ontologyId, branch: MAIN_BRANCH }, 'objectType', { id: objectTypeId, expectedSeq, patch, acknowledgeBreakingChanges }, actor, commandId);
  }

  /** Deletes an object type; refused with ONTOLOGY.OBJECT_TYPE_CHANGED if `expectedSeq` is stale. */
  async deleteObjectType(ontologyId: string, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const data = parseOrThrow(ZDeleteObjectTypeInput, input, 'ONTOLOGY.INVALID_INPUT');
    return this.deleteEntity({ ontologyId, branch: MAIN_BRANCH }, 'objectType', { id: data.objectTypeId, expectedSeq: data.expectedSeq }, actor, commandId);
  }

  listObjectTypes(ontologyId: string): Promise<ObjectTypeDoc[]> {
    return this.deps.objectTypes.list(ontologyId);
  }

  async searchObjectTypes(ontologyId: string, text: string): Promise<{ id: string; apiName: string; displayName: string }[]> {
    const result = await this.deps.search.search(OBJECT_TYPE_SEARCH_INDEX, {
      text,
      filters: [{ field: 'ontologyId', op: 'eq', value: ontologyId }],
      limit: 50,
    });
    return result.hits.map((h) => ({ id: h.id, apiName: String(h.body.apiName), displayName: String(h.body.displayName) }));
  }

  readModelVersion(): Promise<number> {
    return this.deps.objectTypes.version();
  }

  command(commandId: string): Promise<CommandRecord | null> {
    return this.deps.commands.get(commandId);
  }

  /**
   * A command's status. An applied command on main is visible once the object-type projection has processed
   * the ontology stream up to the command's sequence number: the projection commits its read-model row and
   * that position in one transaction, after writing the search document, so both show the command by then.
   * Commands on branches and proposals are read straight from their streams, so they are visible once applied.
   */
  async commandStatus(commandId: string): Promise<CommandStatusView> {
    const record = await this.deps.commands.get(commandId);
    // Any command of the one command log (datasets and connectors too): only the main ontology stream has a
    // projection to wait for; the others are read from the store itself, so applied is already visible.
    if (!record) throw notFound('COMMAND.NOT_FOUND', `No command ${commandId}`, { commandId });
    let phase: CommandPhase = record.status;
    if (record.status === 'applied' && record.sequenceNumber !== null) {
      const projected =
        record.aggregateType === ONTOLOGY_AGGREGATE
          ? await this.deps.progress.lastSeq(OBJECT_TYPE_PROJECTION, ONTOLOGY_AGGREGATE, normaliseAggregateId(record.aggregateId))
          : Infinity;
      if (projected >= record.sequenceNumber) phase = 'visible';
    }
    return {
      commandId: record.commandId,
      commandType: record.commandType,
      ontologyId: record.aggregateId.split(':')[0]!,
      status: record.status,
      phase,
      sequenceNumber: record.sequenceNumber,
      error: record.error,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }

  // ── Streams ─────────────────────────────────────────────────────────────────────────────────────────────

  private run(ref: OntologyRef, command: OntologyCommand, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    return ref.branch === MAIN_BRANCH ? this.main.execute(ref.ontologyId, command, actor, commandId) : this.branches.execute(streamId(ref), command, actor, commandId);
  }

  private async branchAndMain(ref: OntologyRef): Promise<{ state: OntologyState; main: OntologyState }> {
    const main = await this.requireMain(ref.ontologyId);
    return { state: ref.branch === MAIN_BRANCH ? main : await this.requireBranch(ref, main), main };
  }

  private async requireMain(ontologyId: string): Promise<OntologyState> {
    const { state } = await this.main.load(ontologyId);
    if (!state.exists) throw notFound('ONTOLOGY.NOT_FOUND', `There is no ontology "${ontologyId}"`, { ontologyId });
    return state;
  }

  /**
   * The branch's state. A branch registered on main whose own stream is missing (a crash between the two
   * appends) is started now, from main as it was when the branch was registered.
   */
  private async requireBranch(ref: OntologyRef, knownMain?: OntologyState): Promise<OntologyState> {
    const { state } = await this.branches.load(streamId(ref));
    if (state.exists) return state;
    const main = knownMain ?? (await this.requireMain(ref.ontologyId));
    const info = main.branches.get(ref.branch);
    if (!info) throw notFound('ONTOLOGY.BRANCH_NOT_FOUND', `There is no branch "${ref.branch}"`, { ...ref });
    const atFork = (await this.main.read(ref.ontologyId)).filter((e) => e.sequenceNumber <= info.fromSeq).map(toRecorded<RecordedOntologyEvent>).reduce(evolveOntology, initialOntologyState);
    const entities = Object.values(atFork.entities).flatMap((byId) =>
      [...byId.values()].filter((e) => !e.deleted).map((e) => ({ kind: e.kind, id: e.id, definition: e.definition, changedBy: e.changedBy, changedAt: e.changedAt })),
    );
    const data = { ontologyId: ref.ontologyId, branch: ref.branch, fromBranch: MAIN_BRANCH, fromSeq: info.fromSeq, entities };
    await this.branches.execute(streamId(ref), { type: 'CreateBranch', data }, { id: info.createdBy }, `branch-start:${ref.ontologyId}:${ref.branch}`);
    return (await this.branches.load(streamId(ref))).state;
  }

  /** The branch as it started: its first event, folded alone. */
  private async branchBase(ref: OntologyRef): Promise<OntologyState> {
    const [first] = await this.branches.read(streamId(ref), 1);
    if (!first) throw notFound('ONTOLOGY.BRANCH_NOT_FOUND', `There is no branch "${ref.branch}"`, { ...ref });
    return evolveOntology(initialOntologyState, toRecorded<RecordedOntologyEvent>(first));
  }
}

const streamId = (ref: OntologyRef) => (ref.branch === MAIN_BRANCH ? ref.ontologyId : branchAggregateId(ref.ontologyId, ref.branch));

/** The command's data as the client gave it: ids the service generates would make every retry look new. */
function retryStableData(command: OntologyCommand): unknown {
  switch (command.type) {
    case 'ApplyChanges':
      return { ...command.data, changes: command.data.changes.map((c) => (c.op === 'define' ? { ...c, id: undefined } : c)) };
    case 'MergeBranch':
      return { proposalId: command.data.proposalId, resolutions: command.data.resolutions };
    default:
      return command.data;
  }
}

const edit = (changes: PlannedChange[], acknowledgeBreakingChanges = false): OntologyCommand => ({
  type: 'ApplyChanges',
  data: { changes, acknowledgeBreakingChanges, origin: { kind: 'edit' } },
});

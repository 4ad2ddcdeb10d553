import type { EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { Clock, IdGenerator } from '../ports/clock.port';
import type { CommandLog } from '../ports/command-log.port';
import { notFound } from '../shared/errors';
import { parseOrThrow } from '../shared/zod-issues';
import { DATASET_CATALOG_ID, datasetCatalog } from '../datasets/dataset/dataset-catalog';
import { ZCreateDatasetInput, type CommitVersionData, type DatasetCommand } from '../datasets/dataset/dataset.commands';
import { decideDataset, resolveRef } from '../datasets/dataset/dataset.decide';
import { DATASET_AGGREGATE, DATASET_EVENT_SCHEMA_VERSION, type RecordedDatasetEvent } from '../datasets/dataset/dataset.events';
import { evolveDataset, initialDatasetState, type DatasetBranch, type DatasetState, type DatasetVersion } from '../datasets/dataset/dataset.state';
import { StreamCommandRunner, type Actor, type CommandOutcome } from './stream-command-runner';

export interface DatasetServiceDeps {
  readonly events: EventStore;
  readonly commands: CommandLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface DatasetSummary {
  readonly datasetId: string;
  readonly name: string;
  readonly description: string;
  readonly branches: number;
  readonly versions: number;
  /** main's head: what the list shows of the data. */
  readonly head: Pick<DatasetVersion, 'versionId' | 'rowCount' | 'committedAt' | 'author'> & { readonly columns: number } | null;
  readonly seq: number;
}

export interface DatasetView {
  readonly datasetId: string;
  readonly name: string;
  readonly description: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly branches: readonly DatasetBranch[];
  /** Newest first. */
  readonly versions: readonly DatasetVersion[];
  readonly seq: number;
}

const toRecorded = (e: EventEnvelope) =>
  ({ type: e.eventType, data: e.payload, metadata: { sequenceNumber: e.sequenceNumber, actor: e.actor, occurredAt: e.occurredAt } }) as unknown as RecordedDatasetEvent;

/** Datasets, their versions and branches (the lakeFS role): the web app, the workers and the CLI call this. */
export class DatasetService {
  private readonly datasets: StreamCommandRunner<DatasetCommand, DatasetState>;
  private readonly catalog;

  constructor(private readonly deps: DatasetServiceDeps) {
    this.datasets = new StreamCommandRunner(deps, {
      aggregateType: DATASET_AGGREGATE,
      schemaVersion: DATASET_EVENT_SCHEMA_VERSION,
      contendedCode: 'DATASET.CONTENDED',
      initial: initialDatasetState,
      decide: decideDataset,
      evolve: (s, e) => evolveDataset(s, toRecorded(e)),
      // The service picks a revert's version id: a retry of the same command id must not look like another command.
      retryStable: (c) => (c.type === 'RevertTo' ? { ...c.data, versionId: null } : c.data),
    });
    this.catalog = new StreamCommandRunner(deps, datasetCatalog);
  }

  async createDataset(input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const data = parseOrThrow(ZCreateDatasetInput, input, 'DATASET.INVALID_INPUT');
    const outcome = await this.datasets.execute(data.datasetId, { type: 'CreateDataset', data }, actor, commandId);
    // After the dataset exists; a crash in between is healed by the next create of the same id.
    if (outcome.status === 'applied') await this.catalog.execute(DATASET_CATALOG_ID, { type: 'Register', data: { id: data.datasetId } }, actor);
    return outcome;
  }

  async listDatasets(): Promise<DatasetSummary[]> {
    const { state } = await this.catalog.load(DATASET_CATALOG_ID);
    const summaries = await Promise.all(
      state.ids.map(async (datasetId) => {
        const { state: d } = await this.datasets.load(datasetId);
        const head = d.branches.get('main')?.head;
        const v = head ? d.versions.get(head) : undefined;
        return {
          datasetId,
          name: d.name,
          description: d.description,
          branches: d.branches.size,
          versions: d.versions.size,
          head: v ? { versionId: v.versionId, rowCount: v.rowCount, committedAt: v.committedAt, author: v.author, columns: v.schema.length } : null,
          seq: d.seq,
        };
      }),
    );
    return summaries.sort((a, b) => a.name.localeCompare(b.name));
  }

  async dataset(datasetId: string): Promise<DatasetView> {
    const state = await this.state(datasetId);
    return {
      datasetId: state.datasetId,
      name: state.name,
      description: state.description,
      createdBy: state.createdBy,
      createdAt: state.createdAt,
      branches: [...state.branches.values()],
      versions: [...state.versions.values()].sort((a, b) => b.seq - a.seq),
      seq: state.seq,
    };
  }

  /** The version a branch name or version id names: every data read goes through here. */
  async version(datasetId: string, ref: string): Promise<DatasetVersion> {
    const state = await this.state(datasetId);
    const versionId = resolveRef(state, ref);
    if (!versionId) throw notFound('DATASET.EMPTY_BRANCH', `Branch "${ref}" has no version yet`, { datasetId, ref });
    return state.versions.get(versionId)!;
  }

  /** The dataset's state as folded from its stream; DATASET.NOT_FOUND when there is none. */
  async state(datasetId: string): Promise<DatasetState> {
    const { state } = await this.datasets.load(datasetId);
    if (!state.exists) throw notFound('DATASET.NOT_FOUND', `There is no dataset "${datasetId}"`, { datasetId });
    return state;
  }

  async commitVersion(datasetId: string, data: CommitVersionData, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    return this.datasets.execute(datasetId, { type: 'CommitVersion', data }, actor, commandId);
  }

  async createBranch(datasetId: string, input: { branch: string; from: string }, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    return this.datasets.execute(datasetId, { type: 'CreateBranch', data: { branch: input.branch, from: input.from } }, actor, commandId);
  }

  async deleteBranch(datasetId: string, branch: string, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    return this.datasets.execute(datasetId, { type: 'DeleteBranch', data: { branch } }, actor, commandId);
  }

  /** Restores an earlier version's content on a branch, as a new commit on top of its head. */
  async revert(
    datasetId: string,
    input: { branch: string; toVersionId: string; message?: string; expectedHead?: string | null },
    actor: Actor,
    commandId?: string,
  ): Promise<CommandOutcome & { versionId: string }> {
    const versionId = this.newVersionId();
    const outcome = await this.datasets.execute(
      datasetId,
      { type: 'RevertTo', data: { branch: input.branch, toVersionId: input.toVersionId, versionId, message: input.message ?? '', expectedHead: input.expectedHead } },
      actor,
      commandId,
    );
    return { ...outcome, versionId };
  }

  newVersionId(): string {
    return this.deps.ids.prefixed('dsv');
  }

  /** How far the dataset's stream has got: what a live view compares to know it must reload. */
  async streamSeq(datasetId: string): Promise<number> {
    return (await this.datasets.load(datasetId)).seq;
  }
}

import type { DatasetColumn, ColumnStats } from './dataset-schema';
import { MAIN_DATASET_BRANCH } from './dataset-names';
import type { RecordedDatasetEvent, VersionObjects, VersionSource } from './dataset.events';

/** A committed version: immutable once in the stream. */
export interface DatasetVersion {
  readonly versionId: string;
  readonly branch: string;
  readonly parentId: string | null;
  readonly message: string;
  readonly author: string;
  readonly committedAt: string;
  readonly schema: readonly DatasetColumn[];
  readonly rowCount: number;
  readonly stats: readonly ColumnStats[];
  readonly objects: VersionObjects;
  readonly source: VersionSource;
  readonly skippedRows: number;
  readonly problemCount: number;
  readonly revertOf: string | null;
  /** The stream position of the commit: versions sort by it. */
  readonly seq: number;
}

/** A named pointer to a version; `head` is null on a branch of a dataset that has no version yet. */
export interface DatasetBranch {
  readonly name: string;
  readonly head: string | null;
  readonly createdFrom: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface DatasetState {
  readonly exists: boolean;
  readonly datasetId: string;
  readonly name: string;
  readonly description: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly versions: ReadonlyMap<string, DatasetVersion>;
  readonly branches: ReadonlyMap<string, DatasetBranch>;
  /** Idempotency key -> the version its upload committed, and the hash of the bytes it carried. */
  readonly idempotencyKeys: ReadonlyMap<string, { readonly versionId: string; readonly contentHash: string }>;
  /** Ingest job -> the version it committed: how a resumed commit knows it already happened. */
  readonly jobs: ReadonlyMap<string, string>;
  readonly seq: number;
}

export const initialDatasetState: DatasetState = {
  exists: false,
  datasetId: '',
  name: '',
  description: '',
  createdBy: '',
  createdAt: '',
  versions: new Map(),
  branches: new Map(),
  idempotencyKeys: new Map(),
  jobs: new Map(),
  seq: 0,
};

export function evolveDataset(state: DatasetState, event: RecordedDatasetEvent): DatasetState {
  const { actor, occurredAt, sequenceNumber: seq } = event.metadata;
  switch (event.type) {
    case 'DatasetCreated': {
      const main: DatasetBranch = { name: MAIN_DATASET_BRANCH, head: null, createdFrom: null, createdBy: actor, createdAt: occurredAt };
      return { ...state, ...event.data, exists: true, createdBy: actor, createdAt: occurredAt, branches: new Map([[main.name, main]]), seq };
    }
    case 'VersionCommitted': {
      const d = event.data;
      const version: DatasetVersion = { ...d, author: actor, committedAt: occurredAt, seq };
      const branch = state.branches.get(d.branch)!;
      const idempotencyKeys = new Map(state.idempotencyKeys);
      if (d.source.idempotencyKey) idempotencyKeys.set(d.source.idempotencyKey, { versionId: d.versionId, contentHash: d.source.contentHash });
      const jobs = new Map(state.jobs);
      if (d.source.jobId) jobs.set(d.source.jobId, d.versionId);
      return {
        ...state,
        versions: new Map(state.versions).set(d.versionId, version),
        branches: new Map(state.branches).set(d.branch, { ...branch, head: d.versionId }),
        idempotencyKeys,
        jobs,
        seq,
      };
    }
    case 'BranchCreated': {
      const branch: DatasetBranch = { name: event.data.branch, head: event.data.fromVersionId, createdFrom: event.data.fromVersionId, createdBy: actor, createdAt: occurredAt };
      return { ...state, branches: new Map(state.branches).set(branch.name, branch), seq };
    }
    case 'BranchDeleted': {
      const branches = new Map(state.branches);
      branches.delete(event.data.branch);
      return { ...state, branches, seq };
    }
  }
}

/** A version's ancestry from itself back to the first commit (parents first-parent only). */
export function ancestry(state: DatasetState, versionId: string | null): DatasetVersion[] {
  const chain: DatasetVersion[] = [];
  for (let v = versionId ? state.versions.get(versionId) : undefined; v; v = v.parentId ? state.versions.get(v.parentId) : undefined) chain.push(v);
  return chain;
}

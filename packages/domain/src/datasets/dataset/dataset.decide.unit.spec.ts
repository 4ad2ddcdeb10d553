import { describe, expect, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { DatasetCommand, CommitVersionData } from './dataset.commands';
import { decideDataset } from './dataset.decide';
import type { DatasetEvent, RecordedDatasetEvent, VersionCommittedData } from './dataset.events';
import { evolveDataset, initialDatasetState, type DatasetState } from './dataset.state';

const AT = '2026-01-01T00:00:00.000Z';
const spec = deciderSpec<DatasetCommand, DatasetEvent, DatasetState>({
  decide: decideDataset,
  evolve: (s, e) => evolveDataset(s, { ...e, metadata: { sequenceNumber: s.seq + 1, actor: 'ada@spice.local', occurredAt: AT } } as RecordedDatasetEvent),
  initial: initialDatasetState,
});

const created: DatasetEvent = { type: 'DatasetCreated', data: { datasetId: 'ships', name: 'Ships', description: '' } };
const commit = (versionId: string, over: Partial<CommitVersionData> = {}): CommitVersionData => ({
  versionId,
  branch: 'main',
  message: `commit ${versionId}`,
  schema: [{ name: 'id', dataType: 'string', nullable: false, format: {}, description: '' }],
  rowCount: 2,
  stats: [{ name: 'id', nullCount: 0, distinctCount: 2, min: 'a', max: 'b', histogram: [], topValues: [] }],
  objects: { data: `datasets/ships/ingests/job-${versionId}/data.parquet`, raw: `datasets/ships/ingests/job-${versionId}/raw` },
  source: { kind: 'upload', jobId: `job-${versionId}`, idempotencyKey: null, contentHash: `hash-${versionId}`, fileName: 'ships.csv', sizeBytes: 10, format: 'csv', connectorId: null },
  skippedRows: 0,
  problemCount: 0,
  ...over,
});
const committed = (c: CommitVersionData, parentId: string | null): DatasetEvent => {
  const { expectedHead: _e, ...data } = c;
  return { type: 'VersionCommitted', data: { ...data, parentId, revertOf: null } satisfies VersionCommittedData };
};
const v1 = commit('v1');
const v2 = commit('v2');

describe('creating a dataset', () => {
  it('creates it once, with a main branch and no version', () => {
    spec.given([]).when({ type: 'CreateDataset', data: created.data as never }).then([created]);
    spec
      .given([created])
      .when({ type: 'CreateDataset', data: created.data as never })
      .thenThrows('DATASET.ALREADY_EXISTS', (e) => expect(e.message).toBe('Dataset "ships" already exists'));
  });

  it('refuses an id that cannot be a key or a URL segment', () => {
    spec
      .given([])
      .when({ type: 'CreateDataset', data: { datasetId: 'Ships Data', name: 'Ships', description: '' } })
      .thenThrows('DATASET.INVALID_INPUT', (e) =>
        expect(e.issues).toEqual([
          {
            path: 'datasetId',
            rule: 'dataset-id',
            message: '"Ships Data" is not a valid dataset id: 3 to 64 characters, lower-case letters, digits and -, starting with a letter and not ending with -',
          },
        ]),
      );
  });
});

describe('committing versions', () => {
  it('puts a commit on top of the branch head', () => {
    spec.given([created]).when({ type: 'CommitVersion', data: v1 }).then([committed(v1, null)]);
    spec.given([created, committed(v1, null)]).when({ type: 'CommitVersion', data: v2 }).then([committed(v2, 'v1')]);
  });

  it('refuses a commit onto a branch that moved since the committer looked', () => {
    spec
      .given([created, committed(v1, null)])
      .when({ type: 'CommitVersion', data: { ...v2, expectedHead: null } })
      .thenThrows('DATASET.BRANCH_MOVED', (e) => {
        expect(e.message).toBe('Branch "main" moved: its head is now v1, not empty');
        expect(e.context).toEqual({ branch: 'main', currentHead: 'v1' });
      });
  });

  it('an idempotency key with the same bytes commits nothing more; with other bytes it is refused', () => {
    const keyed = commit('v1', { source: { ...v1.source, idempotencyKey: 'upload-1' } });
    spec.given([created, committed(keyed, null)]).when({ type: 'CommitVersion', data: { ...keyed, versionId: 'v9', source: { ...keyed.source, jobId: 'job-9' } } }).then([]);
    spec
      .given([created, committed(keyed, null)])
      .when({ type: 'CommitVersion', data: { ...keyed, versionId: 'v9', source: { ...keyed.source, jobId: 'job-9', contentHash: 'other' } } })
      .thenThrows('DATASET.IDEMPOTENCY_KEY_REUSED', (e) => {
        expect(e.kind).toBe('conflict');
        expect(e.message).toBe('Idempotency key "upload-1" was already used for a different file');
        expect(e.context).toEqual({ idempotencyKey: 'upload-1', versionId: 'v1' });
      });
  });

  it('a resumed commit of a job that already landed commits nothing more', () => {
    spec.given([created, committed(v1, null)]).when({ type: 'CommitVersion', data: { ...v1, versionId: 'v1-again' } }).then([]);
  });

  it('names the branch that does not exist and the columns without statistics', () => {
    spec
      .given([created])
      .when({ type: 'CommitVersion', data: { ...v1, branch: 'nope' } })
      .thenThrows('DATASET.BRANCH_NOT_FOUND', (e) => expect(e.message).toBe('Branch "nope" does not exist'));
    spec
      .given([created])
      .when({ type: 'CommitVersion', data: { ...v1, stats: [] } })
      .thenThrows('DATASET.INVALID_INPUT', (e) => expect(e.message).toBe('Statistics are missing for column(s) id'));
  });
});

describe('branches', () => {
  it('a branch starts at a version or at another branch head', () => {
    spec
      .given([created, committed(v1, null)])
      .when({ type: 'CreateBranch', data: { branch: 'fix/q3', from: 'main' } })
      .then([{ type: 'BranchCreated', data: { branch: 'fix/q3', fromVersionId: 'v1' } }]);
    spec
      .given([created, committed(v1, null)])
      .when({ type: 'CreateBranch', data: { branch: 'Fix Q3', from: 'main' } })
      .thenThrows('DATASET.INVALID_INPUT', (e) =>
        expect(e.message).toBe('"Fix Q3" is not a valid branch name: lower-case letters, digits, ., _ and -, in segments separated by /, at most 100 characters'),
      );
    spec
      .given([created])
      .when({ type: 'CreateBranch', data: { branch: 'fix', from: 'v7' } })
      .thenThrows('DATASET.REF_NOT_FOUND', (e) => expect(e.message).toBe('"v7" is neither a branch nor a version of this dataset'));
  });

  it('commits on a branch leave main where it was', () => {
    const onBranch = commit('v2', { branch: 'fix' });
    const state = [created, committed(v1, null), { type: 'BranchCreated', data: { branch: 'fix', fromVersionId: 'v1' } } as DatasetEvent, committed(onBranch, 'v1')].reduce(
      (s, e) => evolveDataset(s, { ...e, metadata: { sequenceNumber: s.seq + 1, actor: 'ada@spice.local', occurredAt: AT } } as RecordedDatasetEvent),
      initialDatasetState,
    );
    expect(state.branches.get('main')!.head).toBe('v1');
    expect(state.branches.get('fix')!.head).toBe('v2');
    expect(state.versions.get('v2')!.parentId).toBe('v1');
  });

  it('main cannot be deleted', () => {
    spec
      .given([created])
      .when({ type: 'DeleteBranch', data: { branch: 'main' } })
      .thenThrows('DATASET.MAIN_BRANCH', (e) => expect(e.message).toBe('The main branch cannot be deleted'));
  });
});

describe('reverting', () => {
  it('restores an earlier version as a new commit on top of the head', () => {
    spec
      .given([created, committed(v1, null), committed(v2, 'v1')])
      .when({ type: 'RevertTo', data: { branch: 'main', toVersionId: 'v1', versionId: 'v3', message: '' } })
      .then([
        {
          type: 'VersionCommitted',
          data: {
            ...committed({ ...v1, versionId: 'v3', message: 'Revert to v1' }, 'v2').data,
            source: { ...v1.source, kind: 'revert', jobId: null, idempotencyKey: null },
            revertOf: 'v1',
          } as VersionCommittedData,
        },
      ]);
  });

  it('refuses a revert that would change nothing', () => {
    spec
      .given([created, committed(v1, null)])
      .when({ type: 'RevertTo', data: { branch: 'main', toVersionId: 'v1', versionId: 'v3', message: '' } })
      .thenThrows('DATASET.NOTHING_TO_REVERT', (e) => expect(e.message).toBe('Branch "main" already has the content of version v1'));
  });
});

import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type DatasetColumn } from '@spice/domain';
import type { System } from '../../composition/composition-root';
import { receiveUpload } from '../files/receive-upload';
import { forEachStack } from '../../write-path/support/test-stacks.int-support';

const ada = { id: 'ada@spice.local' };
const reader = { userId: 'ada@spice.local', roles: [] };

const upload = (system: System, datasetId: string, csv: string | Buffer, input: Record<string, unknown> = {}) =>
  receiveUpload(system, Readable.from([Buffer.from(csv)]), (file) => system.ingest.ingest({ datasetId, fileName: 'ships.csv', ...input }, file, ada));

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

const V1 = 'id,name,tonnage,launched\nS1,Aurora,1200,2019-04-01\nS2,Borealis,800,2020-06-15\nS3,Cygnus,950,2021-01-30\n';
const V2 = 'id,name,tonnage,launched\nS1,Aurora,1300,2019-04-01\nS3,Cygnus,950,2021-01-30\nS4,Draco,700,2022-09-09\n';

forEachStack('datasets: upload, review, commit, branch, diff and revert', (stack) => {
  let system: System;
  const datasetId = () => `ships-${stack.run}`;
  beforeAll(async () => {
    system = await stack.open();
    await system.datasets.createDataset({ datasetId: datasetId(), name: 'Ships' }, ada);
  });

  describe('an upload', () => {
    let schema: DatasetColumn[];
    let firstVersion: string;

    it('is read and its schema proposed, then waits for review', async () => {
      const outcome = await upload(system, datasetId(), V1, { idempotencyKey: 'v1' });
      expect(outcome.kind).toBe('job');
      const job = outcome.kind === 'job' ? outcome.job : null!;
      expect(job).toMatchObject({ phase: 'read', readResult: { columns: ['id', 'name', 'tonnage', 'launched'], rowCount: 3, skippedRows: 0, problems: [] } });
      expect(job.proposedSchema!.map((c) => [c.name, c.dataType])).toEqual([
        ['id', 'string'],
        ['name', 'string'],
        ['tonnage', 'integer'],
        ['launched', 'date'],
      ]);
      expect((await system.datasets.dataset(datasetId())).versions).toEqual([]);
      // The reviewer keeps tonnage as a long.
      schema = job.proposedSchema!.map((c) => (c.name === 'tonnage' ? { ...c, dataType: 'long' } : c));
      const committed = await system.ingest.commit({ jobId: job.jobId, schema, message: 'first fleet' }, ada);
      expect(committed.phase).toBe('committed');
      firstVersion = committed.versionId;
      const version = await system.datasets.version(datasetId(), 'main');
      expect(version).toMatchObject({ versionId: firstVersion, parentId: null, message: 'first fleet', author: ada.id, rowCount: 3 });
      expect(version.stats.find((s) => s.name === 'tonnage')).toMatchObject({ nullCount: 0, distinctCount: 3, min: '800', max: '1200' });
      // Readers see the statistics through the policy seam: all of them while no policy restricts the dataset.
      expect(await system.datasetReads.profile(reader, { datasetId: datasetId(), ref: 'main' })).toEqual({
        versionId: firstVersion,
        rowCount: 3,
        schema: version.schema,
        stats: version.stats,
      });
    });

    it('with the same idempotency key and the same bytes returns the version; with other bytes it is refused', async () => {
      expect(await upload(system, datasetId(), V1, { idempotencyKey: 'v1' })).toEqual({ kind: 'existing-version', versionId: firstVersion });
      const reused = await refusal(upload(system, datasetId(), V2, { idempotencyKey: 'v1' }));
      expect(reused).toMatchObject({ code: 'DATASET.IDEMPOTENCY_KEY_REUSED', kind: 'conflict', message: 'Idempotency key "v1" was already used for a different file' });
    });

    it('goes to a branch as a new version; the diff by key shows what changed; main is untouched', async () => {
      await system.datasets.createBranch(datasetId(), { branch: 'refit', from: 'main' }, ada);
      const outcome = await upload(system, datasetId(), V2, { branch: 'refit' });
      const job = outcome.kind === 'job' ? outcome.job : null!;
      const committed = await system.ingest.commit({ jobId: job.jobId, schema, message: 'refit' }, ada);
      const onBranch = await system.datasets.version(datasetId(), 'refit');
      expect(onBranch).toMatchObject({ versionId: committed.versionId, parentId: firstVersion, branch: 'refit' });
      expect((await system.datasets.version(datasetId(), 'main')).versionId).toBe(firstVersion);
      const diff = await system.datasetReads.diff(reader, { datasetId: datasetId(), before: 'main', after: 'refit', key: ['id'] });
      expect(diff.schema).toEqual([]);
      expect(diff.rows).toMatchObject({ comparedBy: ['id'], added: 1, removed: 1, changed: 1, unchanged: 1 });
      expect(diff.rows.samples.changed).toEqual([
        { key: { id: 'S1' }, before: { id: 'S1', name: 'Aurora', tonnage: '1200', launched: '2019-04-01' }, after: { id: 'S1', name: 'Aurora', tonnage: '1300', launched: '2019-04-01' } },
      ]);
    });

    it('a revert commits the earlier content on top of the branch', async () => {
      const reverted = await system.datasets.revert(datasetId(), { branch: 'refit', toVersionId: firstVersion }, ada);
      const head = await system.datasets.version(datasetId(), 'refit');
      expect(head).toMatchObject({ versionId: reverted.versionId, revertOf: firstVersion, message: `Revert to ${firstVersion}`, rowCount: 3 });
      const page = await system.datasetReads.preview(reader, { datasetId: datasetId(), ref: 'refit', limit: 10, sort: { column: 'id', direction: 'asc' } });
      expect(page.rows.map((r) => r[0])).toEqual(['S1', 'S2', 'S3']);
    });
  });

  it('values that do not fit the reviewed schema are reported by row and column; nothing is committed', async () => {
    const outcome = await upload(system, datasetId(), 'id,tonnage\nS9,12x\nS10,5\n', { branch: 'refit' });
    const job = outcome.kind === 'job' ? outcome.job : null!;
    const schema: DatasetColumn[] = job.proposedSchema!.map((c) => (c.name === 'tonnage' ? { ...c, dataType: 'integer' } : c));
    const before = (await system.datasets.dataset(datasetId())).versions.length;
    const error = await refusal(system.ingest.commit({ jobId: job.jobId, schema }, ada));
    expect(error).toMatchObject({ code: 'DATASET.BAD_VALUES', message: '1 value(s) do not fit the schema; the first: Row 1, column "tonnage": "12x" is not an integer' });
    expect((await system.datasets.dataset(datasetId())).versions).toHaveLength(before);
    expect(await system.ingest.job(job.jobId)).toMatchObject({ phase: 'read', error: { code: 'DATASET.BAD_VALUES' } });
  });

  it('a file that cannot be read fails its job with the report and keeps the detected layout for "read again"', async () => {
    const outcome = await upload(system, datasetId(), 'id;name;tonnage\nS1;Aurora;1200\nS2;Borealis\n', { branch: 'refit' });
    const job = outcome.kind === 'job' ? outcome.job : null!;
    expect(job).toMatchObject({
      phase: 'failed',
      error: { code: 'DATASET.BAD_INPUT', problems: [expect.objectContaining({ line: 3 })] },
      layout: { format: 'csv', delimiter: ';', hasHeader: true, encoding: 'utf-8' },
    });
    // Read again without failing on bad rows: the ragged row is skipped and listed.
    const reread = await system.ingest.reread(job.jobId, { badRows: 'skip' });
    expect(reread).toMatchObject({ phase: 'read', readResult: { rowCount: 1, skippedRows: 1 }, error: null });
  });

  it('every read names a version or a branch: an unknown ref is refused', async () => {
    const error = await refusal(system.datasetReads.preview(reader, { datasetId: datasetId(), ref: 'nope' }));
    expect(error).toMatchObject({ code: 'DATASET.REF_NOT_FOUND', message: '"nope" is neither a branch nor a version of this dataset' });
  });
});

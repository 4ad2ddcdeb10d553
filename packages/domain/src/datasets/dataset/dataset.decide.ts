import { conflict, invalid, notFound } from '../../shared/errors';
import { branchNameIssues, datasetIdIssues, MAIN_DATASET_BRANCH } from './dataset-names';
import type { DatasetCommand } from './dataset.commands';
import type { DatasetEvent } from './dataset.events';
import type { DatasetBranch, DatasetState } from './dataset.state';

/** Decides a dataset command on the dataset's state: the events to append, or a DomainError saying why not. */
export function decideDataset(command: DatasetCommand, state: DatasetState): DatasetEvent[] {
  if (command.type === 'CreateDataset') {
    const issues = datasetIdIssues(command.data.datasetId);
    if (issues.length) throw invalid('DATASET.INVALID_INPUT', issues[0]!.message, issues);
    if (state.exists) throw conflict('DATASET.ALREADY_EXISTS', `Dataset "${command.data.datasetId}" already exists`, { datasetId: command.data.datasetId });
    return [{ type: 'DatasetCreated', data: command.data }];
  }
  if (!state.exists) throw notFound('DATASET.NOT_FOUND', 'There is no such dataset');
  switch (command.type) {
    case 'CommitVersion': {
      const d = command.data;
      // A resumed commit of an ingest job that already landed: nothing more to do.
      if (d.source.jobId && state.jobs.has(d.source.jobId)) return [];
      if (d.source.idempotencyKey) {
        const earlier = state.idempotencyKeys.get(d.source.idempotencyKey);
        if (earlier?.contentHash === d.source.contentHash) return [];
        if (earlier) throw idempotencyKeyReused(d.source.idempotencyKey, earlier.versionId);
      }
      const branch = existingBranch(state, d.branch);
      expectHead(branch, d.expectedHead);
      if (state.versions.has(d.versionId)) throw conflict('DATASET.VERSION_EXISTS', `Version ${d.versionId} already exists`, { versionId: d.versionId });
      const statsOf = new Set(d.stats.map((s) => s.name));
      const unprofiled = d.schema.filter((c) => !statsOf.has(c.name)).map((c) => c.name);
      if (unprofiled.length) throw invalid('DATASET.INVALID_INPUT', `Statistics are missing for column(s) ${unprofiled.join(', ')}`);
      const { expectedHead: _seen, ...data } = d;
      return [{ type: 'VersionCommitted', data: { ...data, parentId: branch.head, revertOf: null } }];
    }
    case 'RevertTo': {
      const d = command.data;
      const branch = existingBranch(state, d.branch);
      expectHead(branch, d.expectedHead);
      const target = state.versions.get(d.toVersionId);
      if (!target) throw notFound('DATASET.VERSION_NOT_FOUND', `Version ${d.toVersionId} is not a version of this dataset`, { versionId: d.toVersionId });
      const head = branch.head ? state.versions.get(branch.head) : undefined;
      if (head && head.objects.data === target.objects.data)
        throw invalid('DATASET.NOTHING_TO_REVERT', `Branch "${d.branch}" already has the content of version ${d.toVersionId}`);
      return [
        {
          type: 'VersionCommitted',
          data: {
            versionId: d.versionId,
            branch: d.branch,
            parentId: branch.head,
            message: d.message || `Revert to ${d.toVersionId}`,
            schema: target.schema,
            rowCount: target.rowCount,
            stats: target.stats,
            objects: target.objects,
            source: { ...target.source, kind: 'revert', jobId: null, idempotencyKey: null },
            skippedRows: target.skippedRows,
            problemCount: target.problemCount,
            revertOf: target.versionId,
          },
        },
      ];
    }
    case 'CreateBranch': {
      const issues = branchNameIssues(command.data.branch);
      if (issues.length) throw invalid('DATASET.INVALID_INPUT', issues[0]!.message, issues);
      if (state.branches.has(command.data.branch))
        throw conflict('DATASET.BRANCH_EXISTS', `Branch "${command.data.branch}" already exists`, { branch: command.data.branch });
      return [{ type: 'BranchCreated', data: { branch: command.data.branch, fromVersionId: resolveRef(state, command.data.from) } }];
    }
    case 'DeleteBranch': {
      if (command.data.branch === MAIN_DATASET_BRANCH) throw invalid('DATASET.MAIN_BRANCH', 'The main branch cannot be deleted');
      existingBranch(state, command.data.branch);
      return [{ type: 'BranchDeleted', data: command.data }];
    }
  }
}

/** A branch name or a version id, as the version it names (a branch's head may be null). */
export function resolveRef(state: DatasetState, ref: string): string | null {
  const branch = state.branches.get(ref);
  if (branch) return branch.head;
  if (state.versions.has(ref)) return ref;
  throw notFound('DATASET.REF_NOT_FOUND', `"${ref}" is neither a branch nor a version of this dataset`, { ref });
}

function existingBranch(state: DatasetState, name: string): DatasetBranch {
  const branch = state.branches.get(name);
  if (!branch) throw notFound('DATASET.BRANCH_NOT_FOUND', `Branch "${name}" does not exist`, { branch: name });
  return branch;
}

function expectHead(branch: DatasetBranch, expected: string | null | undefined): void {
  if (expected === undefined || expected === branch.head) return;
  throw conflict('DATASET.BRANCH_MOVED', `Branch "${branch.name}" moved: its head is now ${branch.head ?? 'empty'}, not ${expected ?? 'empty'}`, {
    branch: branch.name,
    currentHead: branch.head,
  });
}

export function idempotencyKeyReused(key: string, versionId: string | null) {
  return conflict('DATASET.IDEMPOTENCY_KEY_REUSED', `Idempotency key "${key}" was already used for a different file`, { idempotencyKey: key, versionId });
}

import type { FieldIssue } from '../../shared/errors';

/**
 * Dataset ids and branch names end up in object-store keys and URLs, so they are kept to a safe alphabet:
 * lower-case letters, digits and `-` (ids), plus `.`, `_` and `/` between segments for branches (`feature/q3`).
 */
const DATASET_ID = /^[a-z][a-z0-9-]{1,62}[a-z0-9]$/;
const BRANCH_SEGMENT = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export const MAIN_DATASET_BRANCH = 'main';

export function datasetIdIssues(id: string, path = 'datasetId'): FieldIssue[] {
  if (DATASET_ID.test(id)) return [];
  return [{ path, rule: 'dataset-id', message: `"${id}" is not a valid dataset id: 3 to 64 characters, lower-case letters, digits and -, starting with a letter and not ending with -` }];
}

export function branchNameIssues(name: string, path = 'branch'): FieldIssue[] {
  const segments = name.split('/');
  if (name.length <= 100 && segments.every((s) => BRANCH_SEGMENT.test(s) && !s.endsWith('.'))) return [];
  return [
    {
      path,
      rule: 'branch-name',
      message: `"${name}" is not a valid branch name: lower-case letters, digits, ., _ and -, in segments separated by /, at most 100 characters`,
    },
  ];
}

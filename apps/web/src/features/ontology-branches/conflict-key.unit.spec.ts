import { describe, expect, it } from 'vitest';
import type { MergeConflict } from '@spice/domain';
import { conflictKey, mergeConflictLists, resolutionsFor, type Side } from './conflict-key';

const name: MergeConflict = {
  kind: 'objectType',
  id: 'ot_1',
  apiName: 'Ship',
  path: 'displayName',
  base: 'Ship',
  branch: 'Vessel',
  main: 'Boat',
};
const salary: MergeConflict = { ...name, path: 'properties.salary', base: null, branch: {}, main: {} };

describe('resolutionsFor', () => {
  it('gives no resolutions until every conflict has a side', () => {
    expect(resolutionsFor([name, salary], new Map<string, Side>([[conflictKey(name), 'branch']]))).toBeNull();
  });

  it('names each conflict with the chosen side once all are chosen', () => {
    const chosen = new Map<string, Side>([
      [conflictKey(name), 'branch'],
      [conflictKey(salary), 'main'],
    ]);
    expect(resolutionsFor([name, salary], chosen)).toEqual([
      { kind: 'objectType', id: 'ot_1', path: 'displayName', take: 'branch' },
      { kind: 'objectType', id: 'ot_1', path: 'properties.salary', take: 'main' },
    ]);
  });
});

describe('mergeConflictLists', () => {
  it('keeps each conflict once', () => {
    expect(mergeConflictLists([name], [name, salary]).map(conflictKey)).toEqual([
      'objectType:ot_1:displayName',
      'objectType:ot_1:properties.salary',
    ]);
  });
});

'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { DatasetBranch, DatasetVersion, DatasetView } from './dataset-types';

/** The dataset a workspace page shows and what its `?ref=` resolves to. */
export interface DatasetScope {
  readonly datasetId: string;
  /** As in the URL: a branch name or a version id. */
  readonly ref: string;
  readonly view: DatasetView;
  /** The branch the ref is on (a version's own branch when the ref is a version id). */
  readonly branch: DatasetBranch | null;
  /** The version the ref names; null while the branch has none. */
  readonly version: DatasetVersion | null;
  /** True when the ref is a version id rather than a branch name. */
  readonly pinned: boolean;
  /** v1, v2 … in commit order across the dataset, for labels people can say out loud. */
  readonly ordinal: (versionId: string) => number;
  readonly openUpload: () => void;
}

const DatasetScopeContext = createContext<DatasetScope | null>(null);

export function DatasetScopeProvider({ scope, children }: { scope: DatasetScope; children: ReactNode }) {
  return <DatasetScopeContext.Provider value={scope}>{children}</DatasetScopeContext.Provider>;
}

export function useDatasetScope(): DatasetScope {
  const scope = useContext(DatasetScopeContext);
  if (!scope) throw new Error('useDatasetScope must be used inside a dataset workspace');
  return scope;
}

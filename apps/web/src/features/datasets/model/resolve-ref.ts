import type { DatasetBranch, DatasetVersion, DatasetView } from './dataset-types';

/** The branch and version a `?ref=` names: a branch name (its head) or a version id (the branch it was committed on). */
export function resolveRef(view: DatasetView, ref: string): { branch: DatasetBranch | null; version: DatasetVersion | null; pinned: boolean } {
  const byId = new Map(view.versions.map((v) => [v.versionId, v]));
  const branch = view.branches.find((b) => b.name === ref);
  if (branch) return { branch, version: branch.head ? (byId.get(branch.head) ?? null) : null, pinned: false };
  const version = byId.get(ref) ?? null;
  return { branch: version ? (view.branches.find((b) => b.name === version.branch) ?? null) : null, version, pinned: version !== null };
}

/** A version and its ancestors, newest first: a branch's history. */
export function lineage(view: DatasetView, headId: string | null): DatasetVersion[] {
  const byId = new Map(view.versions.map((v) => [v.versionId, v]));
  const chain: DatasetVersion[] = [];
  const seen = new Set<string>();
  for (let id = headId; id && !seen.has(id); id = byId.get(id)?.parentId ?? null) {
    const v = byId.get(id);
    if (!v) break;
    seen.add(id);
    chain.push(v);
  }
  return chain;
}

/** v1, v2 … by commit order (the dataset's versions come newest first). */
export function ordinals(view: DatasetView): (versionId: string) => number {
  const total = view.versions.length;
  const index = new Map(view.versions.map((v, i) => [v.versionId, total - i]));
  return (versionId) => index.get(versionId) ?? 0;
}

/** The end of a time-ordered id, which is what tells two versions apart at a glance. */
export const shortId = (id: string) => (id.length > 12 ? `…${id.slice(-8)}` : id);

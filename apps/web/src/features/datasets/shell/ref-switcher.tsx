'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Select } from '@/components/ui/select';
import { formatUtc } from '@/lib/format-time';
import { MAIN_BRANCH } from '../model/dataset-paths';
import type { DatasetBranch, DatasetVersion, DatasetView } from '../model/dataset-types';
import { lineage, ordinals } from '../model/resolve-ref';

/** Which branch the workspace shows, and which of its versions (its head unless a version is picked). */
export function RefSwitcher({ view, branch, version, pinned }: { view: DatasetView; branch: DatasetBranch | null; version: DatasetVersion | null; pinned: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const ordinal = ordinals(view);
  const go = (ref: string) => {
    const query = new URLSearchParams(searchParams.toString());
    if (ref === MAIN_BRANCH) query.delete('ref');
    else query.set('ref', ref);
    const qs = query.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname);
  };
  const history = lineage(view, branch?.head ?? null);
  if (version && !history.some((v) => v.versionId === version.versionId)) history.unshift(version);
  const branchName = branch?.name ?? MAIN_BRANCH;

  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor="dataset-branch" className="text-2xs font-medium tracking-wide text-zinc-500 uppercase">
        Branch
      </label>
      <Select id="dataset-branch" value={branchName} onChange={(e) => go(e.target.value)} className="w-40! font-mono text-xs">
        {view.branches.map((b) => (
          <option key={b.name} value={b.name}>
            {b.name}
          </option>
        ))}
      </Select>
      <label htmlFor="dataset-version" className="ml-1 text-2xs font-medium tracking-wide text-zinc-500 uppercase">
        Version
      </label>
      <Select
        id="dataset-version"
        value={pinned && version ? version.versionId : branchName}
        onChange={(e) => go(e.target.value)}
        disabled={history.length === 0}
        className="w-72! text-xs"
      >
        <option value={branchName}>{history[0] ? `Latest — v${ordinal(history[0].versionId)} · ${history[0].message}` : 'No version yet'}</option>
        {history.map((v) => (
          <option key={v.versionId} value={v.versionId}>
            v{ordinal(v.versionId)} · {formatUtc(v.committedAt)} · {v.message}
          </option>
        ))}
      </Select>
    </div>
  );
}

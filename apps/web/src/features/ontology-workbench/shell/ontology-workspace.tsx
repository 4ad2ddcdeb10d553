'use client';

import Link from 'next/link';
import { useMemo, type ReactNode } from 'react';
import { Callout } from '@/components/ui/callout';
import { Kbd } from '@/components/ui/kbd';
import { describeError } from '@/lib/describe-error';
import { useUndoHotkey } from '../edit/use-undo-hotkey';
import { onBranch, ontologyPath, useBranch } from '../model/use-branch';
import { useBranchHeader } from '../model/use-branch-header';
import { useLiveModel } from '../model/use-live-model';
import { BranchSwitcher } from './branch-switcher';
import { LiveBadge } from './live-badge';
import { OntologyTabs } from './ontology-tabs';
import { useGoTo } from './use-go-to';

/** One ontology's workbench: name, branch switcher, live status and tabs, around the tab's page. */
export function OntologyWorkspace({ ontologyId, children }: { ontologyId: string; children: ReactNode }) {
  const branch = useBranch();
  const live = useLiveModel(ontologyId, branch);
  const header = useBranchHeader(ontologyId, branch);
  const undoDialog = useUndoHotkey(ontologyId, branch);
  const chords = useMemo(() => ({ g: onBranch(ontologyPath(ontologyId, '/graph'), branch), o: onBranch(ontologyPath(ontologyId), branch) }), [ontologyId, branch]);
  useGoTo(chords);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-4 border-b border-zinc-200 bg-white px-4 py-2">
        <div className="min-w-0">
          <p className="text-2xs font-medium tracking-wide text-zinc-500 uppercase">
            <Link href="/ontology" className="hover:underline">
              Ontologies
            </Link>{' '}
            / <span className="font-mono normal-case">{ontologyId}</span>
          </p>
          <h1 className="truncate text-base font-semibold text-zinc-900">{header.data?.displayName ?? ontologyId}</h1>
        </div>
        <div className="ml-auto flex items-center gap-3">
          <LiveBadge status={live.status} />
          <BranchSwitcher ontologyId={ontologyId} branch={branch} header={header.data} />
          <span className="hidden text-2xs text-zinc-500 xl:inline">
            <Kbd>g</Kbd> <Kbd>g</Kbd> graph · <Kbd>Ctrl Z</Kbd> undo last change
          </span>
        </div>
      </div>
      <OntologyTabs ontologyId={ontologyId} branch={branch} />
      {header.isError ? (
        <div className="p-3">
          <Callout title={describeError(header.error).title}>{describeError(header.error).message}</Callout>
        </div>
      ) : (
        children
      )}
      {undoDialog}
    </div>
  );
}

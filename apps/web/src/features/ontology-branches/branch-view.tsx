'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Kbd } from '@/components/ui/kbd';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { navigateAfterCommand } from '@/lib/navigate-after-command';
import { useHotkey } from '@/lib/use-hotkey';
import { useTRPC } from '@/trpc/react';
import { AbandonBranch } from './abandon-branch';
import { BranchComparisonView } from './branch-comparison-view';
import { branchStatusTone } from './status-tones';
import { LiveBadge } from './live-badge';
import { ontologyHref, proposalHref } from './links';
import { OpenProposalForm } from './open-proposal-form';
import { useBranchModel, useComparison } from './use-branch-data';
import { useLiveBranch } from './use-live-branch';

/** One branch: what it changed, what main changed meanwhile, conflicts; open a proposal or abandon it. */
export function BranchView({ ontologyId, branch }: { ontologyId: string; branch: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const live = useLiveBranch(ontologyId, branch);
  const model = useBranchModel(ontologyId, branch);
  const comparison = useComparison(ontologyId, branch);
  const proposals = useQuery(trpc.model.proposals.list.queryOptions({ ontologyId }));
  const [proposing, setProposing] = useState(false);

  const info = model.data?.branches.find((b) => b.name === branch);
  const proposal = proposals.data?.find((p) => p.branch === branch && p.status !== 'closed') ?? null;
  const canPropose = info?.status === 'open' && proposal === null;
  useHotkey('p', () => setProposing(true), canPropose && !proposing);

  const failed = model.error ?? comparison.error;
  if (failed) {
    const described = describeError(failed);
    return (
      <div className="p-4">
        <Callout title={described.title}>
          <p>{described.message}</p>
        </Callout>
      </div>
    );
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <PageHeader
        section={`${model.data?.displayName ?? ontologyId} · Branch`}
        title={branch}
        description={
          info
            ? `Made from main at sequence ${info.fromSeq} by ${info.createdBy} at ${formatUtc(info.createdAt)}${info.closedBy ? ` · ${info.status} by ${info.closedBy} at ${formatUtc(info.closedAt ?? '')}` : ''}`
            : undefined
        }
        actions={
          <>
            <LiveBadge live={live} />
            {info ? <Badge tone={branchStatusTone(info.status)}>{info.status}</Badge> : null}
            {info?.status === 'open' ? (
              <Link
                className="text-xs text-accent-700 hover:underline"
                href={ontologyHref(ontologyId, branch)}
              >
                Edit on this branch
              </Link>
            ) : null}
            {proposal ? (
              <Link
                className="text-xs font-medium text-accent-700 hover:underline"
                href={proposalHref(ontologyId, branch)}
              >
                View proposal: {proposal.title}
              </Link>
            ) : null}
            {canPropose && !proposing ? (
              <Button variant="primary" onClick={() => setProposing(true)}>
                Open proposal <Kbd>p</Kbd>
              </Button>
            ) : null}
            {info?.status === 'open' ? <AbandonBranch ontologyId={ontologyId} branch={branch} /> : null}
          </>
        }
      />
      <div className="min-h-0 flex-1 space-y-3 overflow-auto p-3">
        {proposing ? (
          <OpenProposalForm
            ontologyId={ontologyId}
            branch={branch}
            onCancel={() => setProposing(false)}
            onOpened={() => navigateAfterCommand(router, proposalHref(ontologyId, branch))}
          />
        ) : null}
        {comparison.data ? (
          <>
            {comparison.data.conflicts.length > 0 ? (
              <Callout
                tone="amber"
                title={`${comparison.data.conflicts.length} conflict${comparison.data.conflicts.length === 1 ? '' : 's'} with main`}
              >
                <p>
                  Main changed the highlighted fields differently since this branch was made. Merging asks you
                  to keep main’s value or take the branch’s for each.
                </p>
              </Callout>
            ) : null}
            <BranchComparisonView comparison={comparison.data} />
          </>
        ) : (
          <TableSkeleton label="Comparing the branch with main" />
        )}
      </div>
    </div>
  );
}

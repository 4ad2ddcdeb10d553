'use client';

import Link from 'next/link';
import type { ProposalView } from '@spice/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Callout } from '@/components/ui/callout';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useTRPC } from '@/trpc/react';
import { BranchComparisonView } from './branch-comparison-view';
import { CloseProposal } from './close-proposal';
import { ConflictsPanel } from './conflict-resolution';
import { branchHref } from './links';
import { LiveBadge } from './live-badge';
import { MergePanel } from './merge-panel';
import { ProposalComments } from './proposal-comments';
import { proposalStatusTone } from './status-tones';
import { useLiveProposals } from './use-live-proposals';
import { useMergeChoices } from './use-merge-choices';

const COMMENT_BOX_ID = 'proposal-comment-body';

/** The review of one proposal: what it changes, the discussion, approval, conflicts with main, merge. */
export function ProposalReview({
  ontologyId,
  branch,
  actorId,
}: {
  ontologyId: string;
  branch: string;
  actorId: string;
}) {
  const trpc = useTRPC();
  // Other reviewers' comments and approvals, edits on the branch and on main all arrive through this.
  const live = useLiveProposals(ontologyId);
  const query = useQuery(trpc.model.proposals.get.queryOptions({ ontologyId, branch }));

  if (query.error) {
    const described = describeError(query.error);
    return (
      <div className="space-y-2 p-4">
        <Callout title={described.title}>
          <p>{described.message}</p>
        </Callout>
        <Link className="text-xs text-accent-700 hover:underline" href={branchHref(ontologyId, branch)}>
          See branch {branch}
        </Link>
      </div>
    );
  }
  if (!query.data) return <TableSkeleton label="Loading the proposal" />;
  return <LoadedReview proposal={query.data} live={live} actorId={actorId} />;
}

function LoadedReview({
  proposal,
  live,
  actorId,
}: {
  proposal: ProposalView;
  live: boolean;
  actorId: string;
}) {
  const { ontologyId, branch } = proposal;
  const [about, setAbout] = useState('');
  const choices = useMergeChoices(proposal);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <PageHeader
        section={`Proposal · ${ontologyId}`}
        title={proposal.title}
        description={`${proposal.author} wants to merge ${branch} into main · opened ${formatUtc(proposal.openedAt)}`}
        actions={
          <>
            <LiveBadge live={live} />
            <Badge tone={proposalStatusTone(proposal.status)} dot>
              {proposal.status}
            </Badge>
            <Link className="text-xs text-accent-700 hover:underline" href={branchHref(ontologyId, branch)}>
              Branch {branch}
            </Link>
          </>
        }
      />
      <div className="flex min-h-0 flex-1">
        <div className="min-w-0 flex-1 space-y-3 overflow-auto p-3">
          <Panel title="Description">
            <p className="px-3 py-2 text-[13px] whitespace-pre-wrap text-zinc-800">
              {proposal.description || <span className="text-zinc-500">No description.</span>}
            </p>
          </Panel>
          {choices.conflicts.length > 0 ? <ConflictsPanel choices={choices} /> : null}
          <BranchComparisonView
            stacked
            showMain={proposal.status === 'open'}
            comparison={proposal.comparison}
            onComment={
              proposal.status === 'open'
                ? (target) => {
                    setAbout(target);
                    document.getElementById(COMMENT_BOX_ID)?.focus();
                  }
                : undefined
            }
          />
        </div>
        <aside
          aria-label="Review"
          className="w-[460px] shrink-0 space-y-3 overflow-auto border-l border-zinc-200 bg-zinc-50/60 p-3"
        >
          <section aria-label="Approve and merge" className="space-y-2">
            <h2 className="text-xs font-semibold text-zinc-800">Approve and merge</h2>
            <MergePanel proposal={proposal} actorId={actorId} choices={choices} />
            {proposal.status === 'open' ? <CloseProposal ontologyId={ontologyId} branch={branch} /> : null}
          </section>
          <section aria-label="Review comments" className="space-y-2 border-t border-zinc-200 pt-3">
            <h2 className="text-xs font-semibold text-zinc-800">Comments ({proposal.comments.length})</h2>
            <ProposalComments
              bodyId={COMMENT_BOX_ID}
              proposal={proposal}
              about={about}
              onAboutChange={setAbout}
            />
          </section>
        </aside>
      </div>
    </div>
  );
}

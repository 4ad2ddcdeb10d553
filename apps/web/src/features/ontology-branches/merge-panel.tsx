'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MergeConflict, ProposalView } from '@spice/domain';
import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { useToast } from '@/components/ui/toast';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useTRPC } from '@/trpc/react';
import { ontologyHref } from './links';
import { runTracked } from '../commands/run-tracked';
import type { MergeChoices } from './use-merge-choices';

const MERGE_CONFLICT = 'ONTOLOGY.MERGE_CONFLICT';

/**
 * Approve and merge. An approval is for the branch as it is at that moment; merging needs one for the branch as
 * it is now, and a side chosen for every conflict with main (the merge is refused until then, never forced).
 */
export function MergePanel({
  proposal,
  actorId,
  choices,
}: {
  proposal: ProposalView;
  actorId: string;
  choices: MergeChoices;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const ref = { ontologyId: proposal.ontologyId, branch: proposal.branch };
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.model.pathFilter());
  const approve = useMutation(trpc.model.proposals.approve.mutationOptions());
  const merge = useMutation(trpc.model.proposals.merge.mutationOptions());

  const open = proposal.status === 'open';
  const isAuthor = proposal.author === actorId;
  const approvedByMeNow = proposal.approvals.some(
    (a) => a.reviewer === actorId && a.branchSeq === proposal.branchSeq,
  );
  const { conflicts, resolutions, unresolved } = choices;

  const approveWhy = !open
    ? `The proposal is ${proposal.status}.`
    : isAuthor
      ? 'You opened this proposal; someone else has to approve it.'
      : approvedByMeNow
        ? 'You approved the branch as it is now.'
        : null;
  const mergeWhy = !open
    ? `The proposal is ${proposal.status}.`
    : proposal.approvals.length === 0
      ? 'It needs an approval from someone other than its author.'
      : !proposal.approvedAsIs
        ? 'The branch changed after it was approved; it needs a new approval.'
        : unresolved > 0
          ? `Choose a side for ${unresolved === 1 ? 'the conflict' : `each conflict (${unresolved} left)`} under “Conflicts with main”.`
          : null;

  const doApprove = async () => {
    setFailure(null);
    try {
      await runTracked(`Approve ${proposal.branch}`, () => approve.mutateAsync(ref));
      toast({ tone: 'success', title: 'Approved', detail: `You approved ${proposal.branch} as it is now.` });
    } catch (error) {
      setFailure(describeError(error));
    }
    await refresh();
  };

  const doMerge = async () => {
    if (!resolutions) return;
    setFailure(null);
    try {
      await runTracked(`Merge ${proposal.branch}`, () => merge.mutateAsync({ ...ref, resolutions }));
      toast({ tone: 'success', title: `Merged ${proposal.branch} into main` });
    } catch (error) {
      const described = describeError(error);
      if (described.domainCode === MERGE_CONFLICT)
        choices.refusedWith((described.context.conflicts as MergeConflict[] | undefined) ?? []);
      setFailure(described);
    }
    await refresh();
  };

  return (
    <div className="space-y-2">
      {proposal.status === 'merged' ? (
        <Callout tone="blue" title="Merged into main">
          <p>
            {proposal.mergedBy} merged this branch at {formatUtc(proposal.mergedAt ?? '')}
            {proposal.mainSeq !== null ? ` (main sequence ${proposal.mainSeq})` : ''}.{' '}
            <Link className="font-medium underline" href={ontologyHref(proposal.ontologyId)}>
              Open main
            </Link>
          </p>
        </Callout>
      ) : null}
      {proposal.status === 'closed' ? <Callout tone="amber" title="Closed without merging" /> : null}

      <Approvals proposal={proposal} />
      {open ? (
        <p className="text-2xs text-zinc-500">
          Approval is for the branch as it is now: any later change to the branch needs a new approval.
        </p>
      ) : null}

      {open ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            onClick={doApprove}
            disabled={approveWhy !== null || approve.isPending}
            aria-describedby="approve-why"
          >
            {approve.isPending ? 'Approving…' : 'Approve'}
          </Button>
          <Button
            variant="primary"
            onClick={doMerge}
            disabled={mergeWhy !== null || merge.isPending}
            aria-describedby="merge-why"
          >
            {merge.isPending
              ? 'Merging…'
              : conflicts.length > 0
                ? `Merge with ${conflicts.length} resolution${conflicts.length === 1 ? '' : 's'}`
                : 'Merge'}
          </Button>
        </div>
      ) : null}
      {approveWhy && open ? (
        <p id="approve-why" className="text-xs text-zinc-600">
          Approve: {approveWhy}
        </p>
      ) : null}
      {mergeWhy && open ? (
        <p id="merge-why" className="text-xs text-zinc-600">
          Merge: {mergeWhy}
        </p>
      ) : null}

      {failure ? (
        <Callout
          title={failure.domainCode === MERGE_CONFLICT ? 'Main changed the same things' : failure.title}
        >
          <p>
            {failure.domainCode === MERGE_CONFLICT
              ? 'Choose a side for each conflict under “Conflicts with main”, then merge again.'
              : failure.message}
          </p>
        </Callout>
      ) : null}
    </div>
  );
}

function Approvals({ proposal }: { proposal: ProposalView }) {
  if (proposal.approvals.length === 0) return <p className="text-xs text-zinc-600">No approvals yet.</p>;
  return (
    <ul aria-label="Approvals" className="space-y-0.5 text-xs">
      {proposal.approvals.map((a) => (
        <li key={`${a.reviewer}:${a.branchSeq}`} className="flex items-center gap-1.5">
          {proposal.status === 'open' ? (
            <Badge tone={a.branchSeq === proposal.branchSeq ? 'green' : 'neutral'}>
              {a.branchSeq === proposal.branchSeq ? 'current' : 'outdated'}
            </Badge>
          ) : null}
          <span>
            <strong>{a.reviewer}</strong> approved branch version {a.branchSeq} at {formatUtc(a.at)}
          </span>
        </li>
      ))}
    </ul>
  );
}

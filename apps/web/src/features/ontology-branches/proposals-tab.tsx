'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import type { ProposalStatus } from '@spice/domain';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Callout } from '@/components/ui/callout';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { describeError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useTRPC } from '@/trpc/react';
import { branchHref, proposalHref } from './links';
import { branchStatusTone, proposalStatusTone } from './status-tones';
import { useBranchModel } from './use-branch-data';
import { useLiveProposals } from './use-live-proposals';

const FILTERS = ['open', 'merged', 'closed', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/** Proposals of an ontology by status, each linking to its review, and the branches nobody proposed yet. */
export function ProposalsTab({ ontologyId }: { ontologyId: string }) {
  const trpc = useTRPC();
  useLiveProposals(ontologyId);
  const proposals = useQuery(trpc.model.proposals.list.queryOptions({ ontologyId }));
  const main = useBranchModel(ontologyId, 'main');
  const [filter, setFilter] = useState<Filter>('open');

  const failed = proposals.error ?? main.error;
  if (failed)
    return (
      <div className="p-3">
        <Callout title={describeError(failed).title}>
          <p>{describeError(failed).message}</p>
        </Callout>
      </div>
    );
  if (!proposals.data || !main.data) return <TableSkeleton label="Loading proposals" />;

  const count = (status: ProposalStatus) => proposals.data.filter((p) => p.status === status).length;
  const shown = proposals.data
    .filter((p) => filter === 'all' || p.status === filter)
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  const proposed = new Set(proposals.data.filter((p) => p.status !== 'closed').map((p) => p.branch));
  const unproposed = main.data.branches.filter((b) => b.status === 'open' && !proposed.has(b.name));

  return (
    <div className="space-y-3 p-3">
      <Panel
        title="Proposals"
        meta={`${proposals.data.length} in all`}
        actions={
          <div role="tablist" aria-label="Proposal status" className="flex gap-0.5">
            {FILTERS.map((f) => (
              <button
                key={f}
                role="tab"
                aria-selected={filter === f}
                onClick={() => setFilter(f)}
                className={cn(
                  'rounded px-2 py-0.5 text-xs capitalize',
                  filter === f ? 'bg-zinc-800 text-white' : 'text-zinc-600 hover:bg-zinc-100',
                )}
              >
                {f} {f === 'all' ? proposals.data.length : count(f)}
              </button>
            ))}
          </div>
        }
      >
        {shown.length === 0 ? (
          <EmptyState title={filter === 'all' ? 'No proposals yet' : `No ${filter} proposals`}>
            Make a branch, change it, and open a proposal from the branch’s page to ask for a review.
          </EmptyState>
        ) : (
          <Table aria-label="Proposals">
            <THead>
              <tr>
                <TH>Title</TH>
                <TH>Branch</TH>
                <TH>Author</TH>
                <TH>Status</TH>
                <TH>Approvals</TH>
                <TH>Opened</TH>
              </tr>
            </THead>
            <TBody>
              {shown.map((p) => (
                <TR key={p.branch}>
                  <TD className="max-w-96 truncate">
                    <Link
                      className="font-medium text-accent-700 hover:underline"
                      href={proposalHref(ontologyId, p.branch)}
                    >
                      {p.title}
                    </Link>
                  </TD>
                  <TD className="font-mono text-xs">{p.branch}</TD>
                  <TD>{p.author}</TD>
                  <TD>
                    <Badge tone={proposalStatusTone(p.status)}>{p.status}</Badge>
                  </TD>
                  <TD>{p.approvals.length}</TD>
                  <TD className="text-xs text-zinc-500">{formatUtc(p.openedAt)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Panel>
      <Panel title="Branches without a proposal" meta={`${unproposed.length}`}>
        {unproposed.length === 0 ? (
          <p className="px-3 py-3 text-xs text-zinc-500">Every open branch has a proposal.</p>
        ) : (
          <Table aria-label="Branches without a proposal">
            <THead>
              <tr>
                <TH>Branch</TH>
                <TH>Made by</TH>
                <TH>Made</TH>
                <TH>Status</TH>
              </tr>
            </THead>
            <TBody>
              {unproposed.map((b) => (
                <TR key={b.name}>
                  <TD>
                    <Link
                      className="font-mono text-xs font-medium text-accent-700 hover:underline"
                      href={branchHref(ontologyId, b.name)}
                    >
                      {b.name}
                    </Link>
                  </TD>
                  <TD>{b.createdBy}</TD>
                  <TD className="text-xs text-zinc-500">{formatUtc(b.createdAt)}</TD>
                  <TD>
                    <Badge tone={branchStatusTone(b.status)}>{b.status}</Badge>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Panel>
    </div>
  );
}

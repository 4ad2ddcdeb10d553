import type { BranchInfo, ProposalStatus } from '@spice/domain';

const BRANCH_TONE = { open: 'blue', merged: 'violet', abandoned: 'neutral' } as const satisfies Record<
  BranchInfo['status'],
  string
>;
const PROPOSAL_TONE = { open: 'blue', merged: 'violet', closed: 'neutral' } as const satisfies Record<
  ProposalStatus,
  string
>;

export const branchStatusTone = (status: BranchInfo['status']) => BRANCH_TONE[status];
export const proposalStatusTone = (status: ProposalStatus) => PROPOSAL_TONE[status];

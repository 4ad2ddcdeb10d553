import { describe, it } from 'vitest';
import { deciderSpec } from '../testing/decider-spec';
import { decideProposal, evolveProposal, initialProposalState, type ProposalCommand, type ProposalEvent, type RecordedProposalEvent } from './proposal';

/** Given events are made by Ada (the author) unless they carry their own metadata. */
const spec = deciderSpec<ProposalCommand, ProposalEvent | RecordedProposalEvent, typeof initialProposalState>({
  decide: decideProposal,
  evolve: (state, e) => evolveProposal(state, 'metadata' in e ? e : { ...e, metadata: { sequenceNumber: state.seq + 1, actor: 'ada', occurredAt: '2026-01-01T00:00:00Z' } }),
  initial: initialProposalState,
});

const opened: ProposalEvent = { type: 'ProposalOpened', data: { ontologyId: 'fleet', branch: 'dev', title: 'Add berths', description: '' } };
const approvedAt = (branchSeq: number): ProposalEvent => ({ type: 'ProposalApproved', data: { reviewer: 'grace', branchSeq } });

describe('proposal', () => {
  it('opens once per branch while open', () => {
    spec.given([]).when({ type: 'OpenProposal', data: opened.data }).then([opened]);
    spec.given([opened]).when({ type: 'OpenProposal', data: opened.data }).thenThrows('PROPOSAL.ALREADY_OPEN');
  });

  it('takes review comments', () => {
    const data = { commentId: 'c1', body: 'Why drop Port?', about: 'objectType:ot_port' };
    spec.given([opened]).when({ type: 'CommentOnProposal', data }).then([{ type: 'ProposalCommented', data }]);
  });

  it('needs an approval from someone other than the author', () => {
    spec.given([opened]).when({ type: 'ApproveProposal', data: { reviewer: 'ada', branchSeq: 4 } }).thenThrows('PROPOSAL.SELF_APPROVAL');
    spec.given([opened]).when({ type: 'ApproveProposal', data: { reviewer: 'grace', branchSeq: 4 } }).then([approvedAt(4)]);
    spec.given([opened, approvedAt(4)]).when({ type: 'ApproveProposal', data: { reviewer: 'grace', branchSeq: 4 } }).then([]);
  });

  it('merges only with an approval of the branch as it is now', () => {
    const merge: ProposalCommand = { type: 'RecordProposalMerged', data: { mainSeq: 9, branchSeq: 5 } };
    spec.given([opened]).when(merge).thenThrows('PROPOSAL.NOT_APPROVED', (e) => {
      if (!e.message.includes('needs an approval')) throw new Error(e.message);
    });
    spec.given([opened, approvedAt(4)]).when(merge).thenThrows('PROPOSAL.NOT_APPROVED', (e) => {
      if (e.message !== 'The branch changed after it was approved; it needs a new approval') throw new Error(e.message);
    });
    spec.given([opened, approvedAt(5)]).when(merge).then([{ type: 'ProposalMerged', data: { mainSeq: 9, branchSeq: 5 } }]);
  });

  it('takes nothing once merged or closed, and a merged branch cannot be proposed again', () => {
    const merged: ProposalEvent = { type: 'ProposalMerged', data: { mainSeq: 9, branchSeq: 5 } };
    spec.given([opened, approvedAt(5), merged]).when({ type: 'CommentOnProposal', data: { commentId: 'c', body: 'late', about: null } }).thenThrows('PROPOSAL.NOT_OPEN');
    spec.given([opened, approvedAt(5), merged]).when({ type: 'OpenProposal', data: opened.data }).thenThrows('PROPOSAL.BRANCH_MERGED');
    const closed: ProposalEvent = { type: 'ProposalClosed', data: { reason: 'not needed' } };
    spec.given([opened, closed]).when({ type: 'OpenProposal', data: opened.data }).then([opened]);
  });
});

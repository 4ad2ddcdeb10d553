import { z } from 'zod';
import { conflict, DomainError, notFound } from '../shared/errors';

/**
 * A proposal to merge an ontology branch into main: opened, discussed, approved by someone other than its
 * author, then merged (or closed). One proposal per branch: its aggregate id is the branch's.
 */
export const PROPOSAL_AGGREGATE = 'ontology-proposal';

export const ZOpenProposalInput = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    description: z.string().max(10_000, 'must be at most 10000 characters').default(''),
  })
  .strict();

export const ZCommentInput = z
  .object({
    body: z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10000 characters'),
    /** What the comment is about, e.g. `objectType:ot_123` or `objectType:ot_123:properties.salary`. */
    about: z.string().max(300).nullable().default(null),
  })
  .strict();

export type ProposalStatus = 'open' | 'merged' | 'closed';

export interface ProposalComment {
  readonly commentId: string;
  readonly author: string;
  readonly body: string;
  readonly about: string | null;
  readonly at: string;
}

export interface ProposalApproval {
  readonly reviewer: string;
  /** The branch head the reviewer approved; a later change to the branch needs a new approval. */
  readonly branchSeq: number;
  readonly at: string;
}

export interface ProposalState {
  readonly exists: boolean;
  readonly ontologyId: string;
  readonly branch: string;
  readonly title: string;
  readonly description: string;
  readonly author: string;
  readonly openedAt: string;
  readonly status: ProposalStatus;
  readonly comments: readonly ProposalComment[];
  readonly approvals: readonly ProposalApproval[];
  readonly mergedBy: string | null;
  readonly mergedAt: string | null;
  readonly mainSeq: number | null;
  readonly seq: number;
}

export const initialProposalState: ProposalState = {
  exists: false,
  ontologyId: '',
  branch: '',
  title: '',
  description: '',
  author: '',
  openedAt: '',
  status: 'open',
  comments: [],
  approvals: [],
  mergedBy: null,
  mergedAt: null,
  mainSeq: null,
  seq: 0,
};

export type ProposalCommand =
  | { readonly type: 'OpenProposal'; readonly data: { readonly ontologyId: string; readonly branch: string; readonly title: string; readonly description: string } }
  | { readonly type: 'CommentOnProposal'; readonly data: { readonly commentId: string; readonly body: string; readonly about: string | null } }
  | { readonly type: 'ApproveProposal'; readonly data: { readonly reviewer: string; readonly branchSeq: number } }
  | { readonly type: 'RecordProposalMerged'; readonly data: { readonly mainSeq: number; readonly branchSeq: number } }
  | { readonly type: 'CloseProposal'; readonly data: { readonly reason: string } };

export type ProposalEvent =
  | { readonly type: 'ProposalOpened'; readonly data: { readonly ontologyId: string; readonly branch: string; readonly title: string; readonly description: string } }
  | { readonly type: 'ProposalCommented'; readonly data: { readonly commentId: string; readonly body: string; readonly about: string | null } }
  | { readonly type: 'ProposalApproved'; readonly data: { readonly reviewer: string; readonly branchSeq: number } }
  | { readonly type: 'ProposalMerged'; readonly data: { readonly mainSeq: number; readonly branchSeq: number } }
  | { readonly type: 'ProposalClosed'; readonly data: { readonly reason: string } };

export type RecordedProposalEvent = ProposalEvent & { readonly metadata: { readonly sequenceNumber: number; readonly actor: string; readonly occurredAt: string } };

/** The approval that lets the proposal merge now: one given on the branch as it is. */
export const currentApproval = (state: ProposalState, branchSeq: number) => state.approvals.find((a) => a.branchSeq === branchSeq) ?? null;

export function decideProposal(command: ProposalCommand, state: ProposalState): ProposalEvent[] {
  if (command.type === 'OpenProposal') {
    if (state.exists && state.status === 'open')
      throw conflict('PROPOSAL.ALREADY_OPEN', `Branch "${command.data.branch}" already has an open proposal: "${state.title}"`, { branch: command.data.branch });
    if (state.exists && state.status === 'merged')
      throw precondition('PROPOSAL.BRANCH_MERGED', `Branch "${command.data.branch}" was already merged; start a new branch`);
    return [{ type: 'ProposalOpened', data: command.data }];
  }
  if (!state.exists) throw notFound('PROPOSAL.NOT_FOUND', 'There is no proposal for this branch');
  if (state.status !== 'open') throw precondition('PROPOSAL.NOT_OPEN', `The proposal is ${state.status}`);
  switch (command.type) {
    case 'CommentOnProposal':
      return [{ type: 'ProposalCommented', data: command.data }];
    case 'ApproveProposal':
      if (command.data.reviewer === state.author)
        throw precondition('PROPOSAL.SELF_APPROVAL', 'You opened this proposal; someone else has to approve it');
      if (state.approvals.some((a) => a.reviewer === command.data.reviewer && a.branchSeq === command.data.branchSeq))
        return [];
      return [{ type: 'ProposalApproved', data: command.data }];
    case 'RecordProposalMerged':
      if (!currentApproval(state, command.data.branchSeq))
        throw precondition(
          'PROPOSAL.NOT_APPROVED',
          state.approvals.length === 0
            ? 'The proposal needs an approval from someone other than its author before it can be merged'
            : 'The branch changed after it was approved; it needs a new approval',
        );
      return [{ type: 'ProposalMerged', data: command.data }];
    case 'CloseProposal':
      return [{ type: 'ProposalClosed', data: command.data }];
  }
}

export function evolveProposal(state: ProposalState, event: RecordedProposalEvent): ProposalState {
  const { sequenceNumber: seq, actor, occurredAt: at } = event.metadata;
  switch (event.type) {
    case 'ProposalOpened':
      return { ...initialProposalState, ...event.data, exists: true, author: actor, openedAt: at, seq };
    case 'ProposalCommented':
      return { ...state, seq, comments: [...state.comments, { ...event.data, author: actor, at }] };
    case 'ProposalApproved':
      return { ...state, seq, approvals: [...state.approvals, { ...event.data, at }] };
    case 'ProposalMerged':
      return { ...state, seq, status: 'merged', mergedBy: actor, mergedAt: at, mainSeq: event.data.mainSeq };
    case 'ProposalClosed':
      return { ...state, seq, status: 'closed' };
  }
}

const precondition = (code: string, message: string) => new DomainError({ code, kind: 'precondition', message });

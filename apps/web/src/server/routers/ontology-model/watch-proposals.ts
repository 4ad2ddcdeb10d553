import { z } from 'zod';
import { actorProcedure } from '../../trpc/procedures';
import { watchChanges } from '../../trpc/watch-changes';

/**
 * Live updates of an ontology's proposals: yields a change token on connect and whenever a proposal, a branch
 * or main moves (a comment, an approval, an edit on the branch, a merge), so a client refetches its proposal
 * queries. The token is opaque: compare it, don't parse it.
 */
export const watchProposals = actorProcedure
  .input(z.object({ ontologyId: z.string().min(1) }))
  .subscription(({ ctx, input, signal }) =>
    watchChanges(() => ctx.system.ontology.proposalsToken(input.ontologyId), signal),
  );

'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/trpc/react';

/**
 * Keeps an ontology's proposals fresh: the server pushes a token whenever a proposal, a branch or main moves
 * (another reviewer's comment or approval, an edit on the branch, a merge), and each push refetches the
 * proposals, the comparisons they show and the model the branch list comes from. True while connected.
 */
export function useLiveProposals(ontologyId: string): boolean {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subscription = useSubscription(
    trpc.model.proposals.watch.subscriptionOptions(
      { ontologyId },
      {
        onData: () => {
          void queryClient.invalidateQueries(trpc.model.proposals.pathFilter());
          void queryClient.invalidateQueries(trpc.model.branches.pathFilter());
          void queryClient.invalidateQueries(trpc.model.entities.model.pathFilter());
        },
      },
    ),
  );
  return subscription.status === 'pending';
}

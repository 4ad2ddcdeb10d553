'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/trpc/react';

/**
 * Keeps the branch's model (and the histories shown from it) fresh: the server pushes the branch's stream
 * position on connect and whenever it moves, from this tab, another tab or another user.
 */
export function useLiveModel(ontologyId: string, branch: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useSubscription(
    trpc.model.watch.subscriptionOptions(
      { ontologyId, branch },
      {
        onData: () => {
          void queryClient.invalidateQueries(trpc.model.entities.pathFilter());
          void queryClient.invalidateQueries(trpc.model.ontologies.pathFilter());
        },
      },
    ),
  );
}

'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/trpc/react';

/**
 * Keeps every ontology query fresh: the server pushes the read model's version on connect and on each
 * change (from this tab, another tab or another process), and each push invalidates the ontology queries.
 */
export function useLiveOntology() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useSubscription(
    trpc.ontology.watchObjectTypes.subscriptionOptions(undefined, {
      onData: () => void queryClient.invalidateQueries(trpc.ontology.pathFilter()),
    }),
  );
}

'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/trpc/react';

/**
 * Keeps a branch's comparison and proposal fresh: both the branch and main can move (another editor, a merge),
 * and each push from either stream refetches the model queries. True while both streams are connected.
 */
export function useLiveBranch(ontologyId: string, branch: string): boolean {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onData = () => void queryClient.invalidateQueries(trpc.model.pathFilter());
  const onBranch = useSubscription(trpc.model.watch.subscriptionOptions({ ontologyId, branch }, { onData }));
  const onMain = useSubscription(
    trpc.model.watch.subscriptionOptions({ ontologyId, branch: 'main' }, { onData }),
  );
  return onBranch.status === 'pending' && onMain.status === 'pending';
}

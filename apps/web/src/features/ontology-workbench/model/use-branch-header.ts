'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

/** The ontology's names and branches as the workspace header shows them, without the branch's entities. */
export function useBranchHeader(ontologyId: string, branch: string) {
  const trpc = useTRPC();
  return useQuery(trpc.model.branches.get.queryOptions({ ontologyId, branch }));
}

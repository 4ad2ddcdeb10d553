'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

export function useBranchModel(ontologyId: string, branch: string) {
  const trpc = useTRPC();
  return useQuery(trpc.model.entities.model.queryOptions({ ontologyId, branch }));
}

export function useComparison(ontologyId: string, branch: string, enabled = true) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.model.branches.compare.queryOptions({ ontologyId, branch }), enabled });
}

'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

/** One object type with what its page shows of the rest of the branch (its server render prefetches it). */
export function useObjectTypePage(ontologyId: string, branch: string, id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.model.entities.objectType.queryOptions({ ontologyId, branch, id }));
}

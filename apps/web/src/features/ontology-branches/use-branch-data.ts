'use client';

import { useQuery } from '@tanstack/react-query';
import type { BranchComparison, OntologyView } from '@spice/domain';
import { useTRPC } from '@/trpc/react';

/*
 * The model and compare procedures declare `z.unknown()` outputs (their shapes are the domain's view types), so
 * these hooks give their answers the domain types the server builds them from.
 */

export function useBranchModel(ontologyId: string, branch: string) {
  const trpc = useTRPC();
  const query = useQuery(trpc.model.entities.model.queryOptions({ ontologyId, branch }));
  return { ...query, data: query.data as OntologyView | undefined };
}

export function useComparison(ontologyId: string, branch: string, enabled = true) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.model.branches.compare.queryOptions({ ontologyId, branch }), enabled });
  return { ...query, data: query.data as BranchComparison | undefined };
}

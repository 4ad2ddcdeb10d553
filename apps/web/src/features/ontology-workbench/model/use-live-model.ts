'use client';

import { useQueryClient, type Query } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/trpc/react';

/** A read that says where in which branch's stream it was made (the model, an object-type page, the header). */
interface Positioned {
  readonly ontologyId: string;
  readonly branch: string;
  readonly seq: number;
}

const isPositioned = (data: unknown): data is Positioned =>
  typeof data === 'object' && data !== null && typeof (data as Positioned).seq === 'number' && typeof (data as Positioned).branch === 'string';

/**
 * Keeps the branch's reads (model, object-type pages, header, histories) fresh: the server pushes the branch's
 * stream position on connect and whenever it moves, from this tab, another tab or another user. A read made at
 * that very position is current and stays, so connecting doesn't refetch what the server just rendered.
 */
export function useLiveModel(ontologyId: string, branch: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useSubscription(
    trpc.model.watch.subscriptionOptions(
      { ontologyId, branch },
      {
        onData: (seq) => {
          const behind = (query: Query) => {
            const data = query.state.data;
            return !(isPositioned(data) && data.ontologyId === ontologyId && data.branch === branch && data.seq === seq);
          };
          void queryClient.invalidateQueries(trpc.model.entities.pathFilter({ predicate: behind }));
          void queryClient.invalidateQueries(trpc.model.branches.get.pathFilter({ predicate: behind }));
          void queryClient.invalidateQueries(trpc.model.ontologies.pathFilter());
        },
      },
    ),
  );
}

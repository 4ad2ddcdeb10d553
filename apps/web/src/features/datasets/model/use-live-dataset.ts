'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/trpc/react';

/**
 * Keeps a dataset's pages fresh: the server pushes the dataset's stream position on connect and whenever a
 * version or branch lands, from this tab, another tab, another user or a connector.
 */
export function useLiveDataset(datasetId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useSubscription(
    trpc.datasets.watch.subscriptionOptions(
      { datasetId },
      {
        onData: () => {
          void queryClient.invalidateQueries(trpc.datasets.get.queryFilter({ datasetId }));
          void queryClient.invalidateQueries(trpc.datasets.list.pathFilter());
          void queryClient.invalidateQueries(trpc.datasets.ingest.jobs.queryFilter({ datasetId }));
          // A connector's run that commits lands here first; its run history shows it at once.
          void queryClient.invalidateQueries(trpc.datasets.connectors.pathFilter());
        },
      },
    ),
  );
}

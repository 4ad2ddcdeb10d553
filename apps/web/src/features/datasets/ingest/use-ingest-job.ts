'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/trpc/react';

/** One ingest job, kept live: the server pushes whenever the job moves (reading, committing, failing). */
export function useIngestJob(jobId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const job = useQuery(trpc.datasets.ingest.job.queryOptions({ jobId }));
  const live = useSubscription(
    trpc.datasets.ingest.watch.subscriptionOptions(
      { jobId },
      { onData: () => void queryClient.invalidateQueries(trpc.datasets.ingest.job.queryFilter({ jobId })) },
    ),
  );
  return { job, live };
}

'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useToast } from '@/components/ui/toast';
import { useTRPC } from '@/trpc/react';
import { useTrackedCommand } from '../../commands/use-tracked-command';
import { datasetPath, withRef } from '../model/dataset-paths';
import type { IngestJob } from '../model/dataset-types';
import type { DraftColumn } from './schema-draft';

/** Commits the reviewed schema; on success the dataset page opens on the branch with the new version at its head. */
export function useCommitIngest(job: IngestJob | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const { failure, send } = useTrackedCommand();
  const commit = useMutation(trpc.datasets.ingest.commit.mutationOptions());

  const run = (schema: readonly DraftColumn[], message: string, badValues: 'fail' | 'skip') => {
    if (!job) return;
    send(
      `Commit ${job.fileName} to ${job.branch}`,
      // The ingest service commits the version under this command id (dataset-ingest-service.ts).
      async () => {
        const done = await commit.mutateAsync({ jobId: job.jobId, schema: schema.map((c) => ({ ...c })), message, badValues });
        return { ...done, commandId: `ingest-commit.${done.jobId}` };
      },
      (done) => {
        void queryClient.invalidateQueries(trpc.datasets.pathFilter());
        toast({ tone: 'success', title: `Committed ${done.fileName}`, detail: `New version on ${done.branch}: ${done.versionId}` });
        router.push(withRef(datasetPath(done.datasetId), done.branch));
      },
      () => void queryClient.invalidateQueries(trpc.datasets.ingest.job.queryFilter({ jobId: job.jobId })),
    );
  };
  return { run, pending: commit.isPending, failure };
}

'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { useTRPC } from '@/trpc/react';
import { useTrackedCommand } from '../../commands/use-tracked-command';

/** Reverts a branch to an earlier version by committing that version's content on top of its head. */
export function useRevert(datasetId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const revert = useMutation(trpc.datasets.revert.mutationOptions());
  const { send } = useTrackedCommand();
  const run = (input: { branch: string; toVersionId: string; label: string; expectedHead: string | null }, onDone?: () => void) =>
    send(
      `Revert ${input.branch} to ${input.label}`,
      () => revert.mutateAsync({ datasetId, branch: input.branch, toVersionId: input.toVersionId, expectedHead: input.expectedHead, message: `Revert to ${input.label}` }),
      (outcome) => {
        void queryClient.invalidateQueries(trpc.datasets.get.queryFilter({ datasetId }));
        void queryClient.invalidateQueries(trpc.datasets.list.pathFilter());
        toast({ tone: 'success', title: `Reverted ${input.branch} to ${input.label}`, detail: `New version ${outcome.versionId}` });
        onDone?.();
      },
      (failure) => toast({ tone: 'error', title: failure.title, detail: failure.message }),
    );
  return { run, pending: revert.isPending };
}

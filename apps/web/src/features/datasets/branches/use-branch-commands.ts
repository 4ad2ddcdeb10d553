'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { useTRPC } from '@/trpc/react';
import { useTrackedCommand } from '../../commands/use-tracked-command';

/** Creating and deleting a dataset's branches, tracked in the top bar; the failure stays for the form to show. */
export function useBranchCommands(datasetId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { failure, clearFailure, send } = useTrackedCommand();
  const create = useMutation(trpc.datasets.createBranch.mutationOptions());
  const remove = useMutation(trpc.datasets.deleteBranch.mutationOptions());
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.datasets.get.queryFilter({ datasetId }));
    void queryClient.invalidateQueries(trpc.datasets.list.pathFilter());
  };

  const createBranch = (branch: string, from: string, onCreated?: (branch: string) => void) =>
    send(`Create branch ${branch}`, () => create.mutateAsync({ datasetId, branch, from }), () => {
      refresh();
      toast({ tone: 'success', title: `Branch ${branch} created` });
      onCreated?.(branch);
    });

  const deleteBranch = (branch: string, onDeleted?: () => void) =>
    send(
      `Delete branch ${branch}`,
      () => remove.mutateAsync({ datasetId, branch }),
      () => {
        refresh();
        toast({ tone: 'success', title: `Branch ${branch} deleted` });
        onDeleted?.();
      },
      (failure) => toast({ tone: 'error', title: `Branch ${branch} not deleted`, detail: failure.message }),
    );

  return { createBranch, deleteBranch, creating: create.isPending, deleting: remove.isPending, failure, clearFailure };
}

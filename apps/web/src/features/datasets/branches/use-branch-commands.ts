'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useToast } from '@/components/ui/toast';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';
import { commandSent } from '../../commands/last-command';

/** Creating and deleting a dataset's branches, tracked in the top bar; the failure stays for the form to show. */
export function useBranchCommands(datasetId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const create = useMutation(trpc.datasets.createBranch.mutationOptions());
  const remove = useMutation(trpc.datasets.deleteBranch.mutationOptions());
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.datasets.get.queryFilter({ datasetId }));
    void queryClient.invalidateQueries(trpc.datasets.list.pathFilter());
  };

  const createBranch = (branch: string, from: string, onCreated?: (branch: string) => void) => {
    setFailure(null);
    const tracked = commandSent(`Create branch ${branch}`);
    create.mutate(
      { datasetId, branch, from },
      {
        onSuccess: (outcome) => {
          tracked.accepted(outcome.commandId);
          refresh();
          toast({ tone: 'success', title: `Branch ${branch} created` });
          onCreated?.(branch);
        },
        onError: (error) => {
          tracked.refused(describeError(error).message);
          setFailure(describeError(error));
        },
      },
    );
  };

  const deleteBranch = (branch: string, onDeleted?: () => void) => {
    setFailure(null);
    const tracked = commandSent(`Delete branch ${branch}`);
    remove.mutate(
      { datasetId, branch },
      {
        onSuccess: (outcome) => {
          tracked.accepted(outcome.commandId);
          refresh();
          toast({ tone: 'success', title: `Branch ${branch} deleted` });
          onDeleted?.();
        },
        onError: (error) => {
          tracked.refused(describeError(error).message);
          setFailure(describeError(error));
          toast({ tone: 'error', title: `Branch ${branch} not deleted`, detail: describeError(error).message });
        },
      },
    );
  };

  return { createBranch, deleteBranch, creating: create.isPending, deleting: remove.isPending, failure, clearFailure: () => setFailure(null) };
}

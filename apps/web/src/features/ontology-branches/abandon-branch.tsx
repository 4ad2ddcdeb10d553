'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { useToast } from '@/components/ui/toast';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';

/** Abandoning closes the branch for good (its history stays): so it asks first. */
export function AbandonBranch({ ontologyId, branch }: { ontologyId: string; branch: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const abandon = useMutation(
    trpc.model.branches.abandon.mutationOptions({
      onSuccess: () => {
        toast({ tone: 'success', title: `Branch ${branch} abandoned` });
        setConfirming(false);
        void queryClient.invalidateQueries(trpc.model.pathFilter());
      },
      onError: (error) => setFailure(describeError(error)),
    }),
  );

  if (!confirming)
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Abandon branch
      </Button>
    );
  return (
    <div
      role="alertdialog"
      aria-label={`Abandon ${branch}`}
      className="flex items-center gap-2 rounded border border-red-200 bg-red-50 px-2 py-1 text-xs"
    >
      <span className="text-red-900">Abandon {branch}? Its changes will never reach main.</span>
      <Button
        size="sm"
        variant="danger"
        disabled={abandon.isPending}
        onClick={() => abandon.mutate({ ontologyId, branch })}
      >
        Abandon
      </Button>
      <Button size="sm" onClick={() => setConfirming(false)}>
        Keep it
      </Button>
      {failure ? (
        <Callout title={failure.title}>
          <p>{failure.message}</p>
        </Callout>
      ) : null}
    </div>
  );
}

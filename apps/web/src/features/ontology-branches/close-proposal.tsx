'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Input } from '@/components/ui/input';
import { describeError } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';
import { runTracked } from '../commands/run-tracked';

/** Closes the proposal without merging (the branch stays, and can be proposed again). */
export function CloseProposal({ ontologyId, branch }: { ontologyId: string; branch: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const close = useMutation(trpc.model.proposals.close.mutationOptions());

  if (!confirming)
    return (
      <Button variant="ghost" onClick={() => setConfirming(true)}>
        Close proposal
      </Button>
    );
  return (
    <div
      role="alertdialog"
      aria-label="Close proposal"
      className="space-y-1.5 rounded border border-zinc-300 bg-zinc-50 p-2 text-xs"
    >
      <p>Close without merging? The branch stays; it can be proposed again.</p>
      <Input
        aria-label="Reason"
        placeholder="Reason (optional)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="flex gap-2">
        <Button
          size="sm"
          variant="danger"
          disabled={close.isPending}
          onClick={async () => {
            await runTracked(`Close proposal ${branch}`, () =>
              close.mutateAsync({ ontologyId, branch, reason }),
            ).catch(() => undefined);
            await queryClient.invalidateQueries(trpc.model.pathFilter());
          }}
        >
          Close proposal
        </Button>
        <Button size="sm" onClick={() => setConfirming(false)}>
          Keep open
        </Button>
      </div>
      {close.error ? (
        <Callout title={describeError(close.error).title}>
          <p>{describeError(close.error).message}</p>
        </Callout>
      ) : null}
    </div>
  );
}

'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';

/**
 * The two re-drive mutations, each confirming with a toast and refreshing the admin queries; `onDone` runs
 * once the dead letters are back with their consumer.
 */
export function useRedrive(onDone: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const settle = {
    onSuccess: ({ redriven }: { redriven: readonly { handler: string }[] }) => {
      const handler = redriven[0]?.handler;
      toast(
        redriven.length === 0
          ? { tone: 'success', title: 'Nothing left to re-drive', detail: 'Someone else re-drove these dead letters first.' }
          : {
              tone: 'success',
              title: `Re-drove ${redriven.length} dead letter${redriven.length === 1 ? '' : 's'}`,
              detail: `${handler} applies ${redriven.length === 1 ? 'it' : 'them'} again, in stream order. Anything that fails again comes back here.`,
            },
      );
      void queryClient.invalidateQueries(trpc.admin.pathFilter());
      onDone();
    },
    onError: (error: unknown) => {
      const described = describeError(error);
      toast({ tone: 'error', title: 'Re-drive failed', detail: described.message });
    },
  };
  return {
    one: useMutation(trpc.admin.redriveDeadLetter.mutationOptions(settle)),
    all: useMutation(trpc.admin.redriveAllDeadLetters.mutationOptions(settle)),
  };
}

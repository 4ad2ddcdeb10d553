'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EntityKind } from '@spice/domain';
import { useTRPC } from '@/trpc/react';
import { runTracked } from '../../commands/run-tracked';

export interface Outcome {
  readonly commandId: string;
  readonly status: string;
  readonly sequenceNumber: number | null;
}

/**
 * The entity commands of one branch, each tracked in the top bar and followed by a refetch of the model.
 * They reject with the tRPC error, for the caller to show (field issues, conflicts, breaking changes).
 */
export function useEntityCommands(ontologyId: string, branch: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const define = useMutation(trpc.model.entities.define.mutationOptions());
  const update = useMutation(trpc.model.entities.update.mutationOptions());
  const remove = useMutation(trpc.model.entities.delete.mutationOptions());
  const revert = useMutation(trpc.model.entities.revert.mutationOptions());

  async function tracked<T extends Outcome>(label: string, send: () => Promise<T>): Promise<T> {
    const outcome = await runTracked(label, send);
    void queryClient.invalidateQueries(trpc.model.entities.pathFilter());
    void queryClient.invalidateQueries(trpc.model.ontologies.pathFilter());
    return outcome;
  }

  const ref = { ontologyId, branch };
  return {
    pending: define.isPending || update.isPending || remove.isPending || revert.isPending,
    define: (kind: EntityKind, definition: Record<string, unknown>, label: string) =>
      tracked(label, () => define.mutateAsync({ ...ref, kind, definition })),
    update: (kind: EntityKind, input: { id: string; expectedSeq: number; patch: Record<string, unknown>; acknowledgeBreakingChanges: boolean }, label: string) =>
      tracked(label, () => update.mutateAsync({ ...ref, kind, ...input })),
    remove: (kind: EntityKind, input: { id: string; expectedSeq: number }, label: string) => tracked(label, () => remove.mutateAsync({ ...ref, kind, ...input })),
    revert: (kind: EntityKind, input: { id: string; expectedSeq: number; toVersion: number; acknowledgeBreakingChanges: boolean }, label: string) =>
      tracked(label, () => revert.mutateAsync({ ...ref, kind, ...input })),
  };
}

export type EntityCommands = ReturnType<typeof useEntityCommands>;

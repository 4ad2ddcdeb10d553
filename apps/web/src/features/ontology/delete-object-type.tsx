'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { useToast } from '@/components/ui/toast';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import type { ObjectTypeRow } from '@/server/routers/ontology/object-type.schema';
import { useTRPC } from '@/trpc/react';
import { commandSent } from '../commands/last-command';
import { asObjectTypeConflict, type ObjectTypeConflict } from './object-type-conflict';

/**
 * Confirms deleting an object type. It deletes the version shown when the confirmation opened; if someone
 * changed the type since, the delete is refused and the new version must be confirmed explicitly.
 */
export function DeleteObjectTypeConfirm({
  ontologyId,
  objectType,
  onCancel,
  onDeleted,
}: {
  ontologyId: string;
  objectType: ObjectTypeRow;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [expectedSeq, setExpectedSeq] = useState(objectType.version);
  const [conflict, setConflict] = useState<ObjectTypeConflict | null>(null);
  const [failure, setFailure] = useState<DescribedError | null>(null);

  const remove = useMutation(
    trpc.ontology.deleteObjectType.mutationOptions({
      onSuccess: (outcome) => {
        toast({ tone: 'success', title: `Object type ${objectType.apiName} deleted`, detail: `Command ${outcome.commandId} ${outcome.status}.` });
        void queryClient.invalidateQueries(trpc.ontology.pathFilter());
        onDeleted();
      },
      onError: (error) => {
        const described = describeError(error);
        const changed = asObjectTypeConflict(described);
        setConflict(changed);
        setFailure(changed ? null : described);
        if (changed) {
          setExpectedSeq(changed.currentSeq);
          void queryClient.invalidateQueries(trpc.ontology.pathFilter());
        }
      },
    }),
  );

  const confirm = () => {
    const tracked = commandSent(`Delete ${objectType.apiName}`);
    remove.mutate(
      { ontologyId, objectTypeId: objectType.id, expectedSeq },
      { onSuccess: (outcome) => tracked.accepted(outcome.commandId), onError: (e) => tracked.refused(describeError(e).message) },
    );
  };

  return (
    <div role="alertdialog" aria-label={`Delete ${objectType.apiName}`} className="space-y-2 border-b border-red-200 bg-red-50/60 px-3 py-2 text-xs">
      <p className="text-zinc-800">
        Delete <strong className="font-mono">{objectType.apiName}</strong>? It leaves the ontology for everyone; its history stays in the event store.
      </p>
      {conflict ? (
        <Callout tone="amber" title={conflict.deleted ? 'Deleted by someone else' : 'Changed by someone else'}>
          <p>
            <strong>{conflict.changedBy}</strong> {conflict.deleted ? 'deleted' : 'changed'} it at {formatUtc(conflict.changedAt)} (version {conflict.currentSeq}) after
            you opened this.{conflict.deleted ? '' : ' Check its current definition, then confirm again to delete that version.'}
          </p>
        </Callout>
      ) : null}
      {failure ? (
        <Callout title={failure.title}>
          <p>{failure.message}</p>
        </Callout>
      ) : null}
      <div className="flex gap-2">
        <Button size="sm" onClick={onCancel}>
          {conflict?.deleted ? 'Close' : 'Cancel'}
        </Button>
        {conflict?.deleted ? null : (
          <Button size="sm" variant="danger" disabled={remove.isPending} onClick={confirm}>
            {remove.isPending ? 'Deleting…' : conflict ? `Delete version ${expectedSeq}` : 'Delete object type'}
          </Button>
        )}
      </div>
    </div>
  );
}

'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useToast } from '@/components/ui/toast';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';
import { commandSent } from '../../commands/last-command';
import type { Connector } from '../model/dataset-types';
import type { ConnectorChanges, CreateConnectorRequest } from './connector-draft';

/**
 * Creating, editing, pausing, resuming and deleting connectors, each tracked in the top bar; the last failure
 * stays for the form to show on its fields. Every success refreshes every connector query.
 */
export function useConnectorCommands() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const create = useMutation(trpc.datasets.connectors.create.mutationOptions());
  const update = useMutation(trpc.datasets.connectors.update.mutationOptions());
  const pause = useMutation(trpc.datasets.connectors.pause.mutationOptions());
  const resume = useMutation(trpc.datasets.connectors.resume.mutationOptions());
  const remove = useMutation(trpc.datasets.connectors.delete.mutationOptions());
  const refresh = () => void queryClient.invalidateQueries(trpc.datasets.connectors.pathFilter());

  /** Sends one command: tracks it, refreshes on success, keeps and tracks the failure. */
  const send = <T extends { commandId: string }>(label: string, mutate: (callbacks: { onSuccess: (outcome: T) => void; onError: (error: unknown) => void }) => void, done: (outcome: T) => void, toastFailure = false) => {
    setFailure(null);
    const tracked = commandSent(label);
    mutate({
      onSuccess: (outcome) => {
        tracked.accepted(outcome.commandId);
        refresh();
        done(outcome);
      },
      onError: (error) => {
        const described = describeError(error);
        tracked.refused(described.message);
        setFailure(described);
        // A stale copy is refreshed so "load the latest" has it at hand.
        if (described.code === 'CONFLICT') refresh();
        if (toastFailure) toast({ tone: 'error', title: `${label}: refused`, detail: described.message });
      },
    });
  };

  return {
    failure,
    clearFailure: () => setFailure(null),
    creating: create.isPending,
    saving: update.isPending,
    switching: pause.isPending || resume.isPending,
    deleting: remove.isPending,
    createConnector: (request: CreateConnectorRequest, onCreated: (connectorId: string) => void) =>
      send<{ commandId: string; connectorId: string }>(`Create connector ${request.name}`, (callbacks) => create.mutate(request, callbacks), (outcome) => {
        toast({ tone: 'success', title: `Connector ${request.name} created` });
        onCreated(outcome.connectorId);
      }),
    updateConnector: (connector: Connector, changes: ConnectorChanges, expectedSeq: number, onSaved: () => void) =>
      send(`Edit connector ${connector.name}`, (callbacks) => update.mutate({ connectorId: connector.connectorId, expectedSeq, ...changes }, callbacks), () => {
        toast({ tone: 'success', title: `Connector ${changes.name ?? connector.name} saved` });
        onSaved();
      }),
    setEnabled: (connector: Connector, enabled: boolean) =>
      send(
        `${enabled ? 'Resume' : 'Pause'} connector ${connector.name}`,
        (callbacks) => (enabled ? resume : pause).mutate({ connectorId: connector.connectorId }, callbacks),
        () => toast({ tone: 'success', title: `Connector ${connector.name} ${enabled ? 'resumed' : 'paused'}` }),
        true,
      ),
    deleteConnector: (connector: Connector, onDeleted: () => void) =>
      send(
        `Delete connector ${connector.name}`,
        (callbacks) => remove.mutate({ connectorId: connector.connectorId, expectedSeq: connector.seq }, callbacks),
        () => {
          toast({ tone: 'success', title: `Connector ${connector.name} deleted` });
          onDeleted();
        },
        true,
      ),
  };
}

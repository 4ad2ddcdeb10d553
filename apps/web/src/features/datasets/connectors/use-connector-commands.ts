'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { useTRPC } from '@/trpc/react';
import { useTrackedCommand } from '../../commands/use-tracked-command';
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
  const { failure, clearFailure, send: sendTracked } = useTrackedCommand();
  const create = useMutation(trpc.datasets.connectors.create.mutationOptions());
  const update = useMutation(trpc.datasets.connectors.update.mutationOptions());
  const pause = useMutation(trpc.datasets.connectors.pause.mutationOptions());
  const resume = useMutation(trpc.datasets.connectors.resume.mutationOptions());
  const remove = useMutation(trpc.datasets.connectors.delete.mutationOptions());
  const refresh = () => void queryClient.invalidateQueries(trpc.datasets.connectors.pathFilter());

  /** Sends one command: tracks it and refreshes on success; a stale copy is refreshed so "load the latest" has it at hand. */
  const send = <T extends { commandId: string }>(label: string, mutate: () => Promise<T>, done: (outcome: T) => void, toastFailure = false) =>
    sendTracked(
      label,
      mutate,
      (outcome: T) => {
        refresh();
        done(outcome);
      },
      (described) => {
        if (described.code === 'CONFLICT') refresh();
        if (toastFailure) toast({ tone: 'error', title: `${label}: refused`, detail: described.message });
      },
    );

  return {
    failure,
    clearFailure,
    creating: create.isPending,
    saving: update.isPending,
    switching: pause.isPending || resume.isPending,
    deleting: remove.isPending,
    createConnector: (request: CreateConnectorRequest, onCreated: (connectorId: string) => void) =>
      send<{ commandId: string; connectorId: string }>(`Create connector ${request.name}`, () => create.mutateAsync(request), (outcome) => {
        toast({ tone: 'success', title: `Connector ${request.name} created` });
        onCreated(outcome.connectorId);
      }),
    updateConnector: (connector: Connector, changes: ConnectorChanges, expectedSeq: number, onSaved: () => void) =>
      send(`Edit connector ${connector.name}`, () => update.mutateAsync({ connectorId: connector.connectorId, expectedSeq, ...changes }), () => {
        toast({ tone: 'success', title: `Connector ${changes.name ?? connector.name} saved` });
        onSaved();
      }),
    setEnabled: (connector: Connector, enabled: boolean) =>
      send(
        `${enabled ? 'Resume' : 'Pause'} connector ${connector.name}`,
        () => (enabled ? resume : pause).mutateAsync({ connectorId: connector.connectorId }),
        () => toast({ tone: 'success', title: `Connector ${connector.name} ${enabled ? 'resumed' : 'paused'}` }),
        true,
      ),
    deleteConnector: (connector: Connector, onDeleted: () => void) =>
      send(
        `Delete connector ${connector.name}`,
        () => remove.mutateAsync({ connectorId: connector.connectorId, expectedSeq: connector.seq }),
        () => {
          toast({ tone: 'success', title: `Connector ${connector.name} deleted` });
          onDeleted();
        },
        true,
      ),
  };
}

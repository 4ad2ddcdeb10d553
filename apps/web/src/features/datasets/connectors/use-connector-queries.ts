'use client';

import { useIsMutating, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';
import type { Connector, ConnectorRun } from '../model/dataset-types';
import { refreshIntervalMs } from './refresh-interval';

const isRunning = (run: Pick<ConnectorRun, 'outcome'> | null) => run !== null && run.outcome === null;

/** True while this tab's "Run now" of the connector waits for its answer. */
export function useRunNowPending(connectorId: string): boolean {
  const trpc = useTRPC();
  const pending = useIsMutating({
    mutationKey: trpc.datasets.connectors.runNow.mutationKey(),
    predicate: (m) => (m.state.variables as { connectorId?: string } | undefined)?.connectorId === connectorId,
  });
  return pending > 0;
}

/** The connectors that fill a dataset, kept fresh (see refreshIntervalMs). */
export function useDatasetConnectors(datasetId: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.datasets.connectors.list.queryOptions({ datasetId }),
    refetchInterval: (query) => {
      const connectors: readonly Connector[] = query.state.data ?? [];
      return refreshIntervalMs({ running: connectors.some((c) => isRunning(c.lastRun)), nextRuns: connectors.map((c) => c.nextRunAt) }, new Date());
    },
  });
}

/** One connector and its run history (newest first), polled fast while a run of it is going. */
export function useConnectorWithRuns(connectorId: string) {
  const trpc = useTRPC();
  const runNowPending = useRunNowPending(connectorId);
  const connector = useQuery({
    ...trpc.datasets.connectors.get.queryOptions({ connectorId }),
    refetchInterval: (query) => refreshIntervalMs({ running: runNowPending || isRunning(query.state.data?.lastRun ?? null), nextRuns: [query.state.data?.nextRunAt ?? null] }, new Date()),
  });
  const runs = useQuery({
    ...trpc.datasets.connectors.runs.queryOptions({ connectorId, limit: 100 }),
    refetchInterval: (query) =>
      refreshIntervalMs({ running: runNowPending || (query.state.data ?? []).some(isRunning), nextRuns: [connector.data?.nextRunAt ?? null] }, new Date()),
  });
  return { connector, runs, runNowPending };
}

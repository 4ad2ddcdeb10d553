'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';
import { datasetPath, withRef } from '../model/dataset-paths';
import type { Connector } from '../model/dataset-types';
import { shortId } from '../model/resolve-ref';
import { UNCHANGED_BY } from './run-outcome';
import { useRunNowPending } from './use-connector-queries';

/** How soon after Run now the views ask again: by then the server has recorded the run as started. */
const RUN_SHOWS_MS = 400;

/**
 * "Run now": the server fetches and ingests before it answers, so the call lasts as long as the run. Meanwhile
 * the connector's views poll and show the run going; its answer is told in a toast and every view refreshed.
 */
export function useRunNow(connector: Pick<Connector, 'connectorId' | 'datasetId' | 'name'>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const pending = useRunNowPending(connector.connectorId);
  const runNow = useMutation(trpc.datasets.connectors.runNow.mutationOptions());
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.datasets.connectors.pathFilter());
    void queryClient.invalidateQueries(trpc.datasets.get.queryFilter({ datasetId: connector.datasetId }));
  };

  const start = () => {
    // The run is recorded as it starts: show it going rather than waiting for the next poll.
    setTimeout(() => void queryClient.invalidateQueries(trpc.datasets.connectors.pathFilter()), RUN_SHOWS_MS);
    runNow.mutate(
      { connectorId: connector.connectorId },
      {
        onSuccess: (run) => {
          refresh();
          if (run.outcome === 'committed' && run.versionId)
            toast({
              tone: 'success',
              title: `${connector.name}: a new version was committed`,
              detail: (
                <Link className="underline" href={withRef(datasetPath(connector.datasetId), run.versionId)}>
                  Open version {shortId(run.versionId)}
                </Link>
              ),
            });
          else if (run.outcome === 'unchanged')
            toast({ tone: 'success', title: `${connector.name}: unchanged`, detail: run.unchangedBy ? `Nothing committed: ${UNCHANGED_BY[run.unchangedBy].sentence}.` : undefined });
          else toast({ tone: 'error', title: `${connector.name}: the run failed`, detail: run.error?.message });
        },
        onError: (error) => {
          refresh();
          toast({ tone: 'error', title: `${connector.name}: not run`, detail: describeError(error).message });
        },
      },
    );
  };
  return { start, pending };
}

'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { EmptyState } from '@/components/ui/empty-state';
import { Kbd } from '@/components/ui/kbd';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/describe-error';
import { useHotkey } from '@/lib/use-hotkey';
import { useNow } from '@/lib/use-now';
import { useDatasetScope } from '../model/dataset-context';
import { connectorPath } from '../model/dataset-paths';
import type { Connector } from '../model/dataset-types';
import { ConnectorSettings } from './connector-settings';
import { DeleteConnectorButton } from './delete-connector-button';
import { EditConnectorPanel } from './edit-connector-panel';
import { RunHistoryTable } from './run-history-table';
import { RunNowButton } from './run-now-button';
import { ConnectorStateBadge } from './run-outcome';
import { useConnectorCommands } from './use-connector-commands';
import { useConnectorWithRuns } from './use-connector-queries';

/** One connector: its settings (edit with e), Run now, pause or resume, delete, and its run history, kept live. */
export function ConnectorDetail({ connectorId }: { connectorId: string }) {
  const { datasetId } = useDatasetScope();
  const { connector, runs } = useConnectorWithRuns(connectorId);
  const failure = connector.isError ? describeError(connector.error) : null;

  if (failure)
    return (
      <div className="space-y-2 p-3">
        <Callout title={failure.domainCode === 'CONNECTOR.NOT_FOUND' ? 'No such connector (it may have been deleted)' : failure.title}>{failure.message}</Callout>
        <Link className="text-xs text-accent-700 hover:underline" href={connectorPath(datasetId)}>
          ← All connectors of this dataset
        </Link>
      </div>
    );
  if (!connector.data) return <TableSkeleton label="Loading the connector" />;
  if (connector.data.datasetId !== datasetId)
    return (
      <div className="p-3">
        <Callout tone="amber" title="This connector fills another dataset">
          <Link className="underline" href={connectorPath(connector.data.datasetId, connectorId)}>
            Open it in {connector.data.datasetId}
          </Link>
        </Callout>
      </div>
    );
  return <ConnectorPage connector={connector.data} runs={runs} />;
}

function ConnectorPage({ connector: c, runs }: { connector: Connector; runs: ReturnType<typeof useConnectorWithRuns>['runs'] }) {
  const router = useRouter();
  const now = useNow(5_000);
  const [editing, setEditing] = useState(false);
  const { setEnabled, switching, deleteConnector, deleting } = useConnectorCommands();
  const startEdit = useCallback(() => setEditing(true), []);
  useHotkey('e', startEdit, !editing);
  const runsFailure = runs.isError ? describeError(runs.error) : null;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 bg-white px-4 py-2">
        <div className="min-w-0">
          <p className="text-2xs font-medium tracking-wide text-zinc-500 uppercase">
            <Link href={connectorPath(c.datasetId)} className="hover:underline">
              Connectors
            </Link>{' '}
            / <span className="font-mono normal-case">{c.connectorId}</span>
          </p>
          <h2 className="truncate text-sm font-semibold text-zinc-900">{c.name}</h2>
        </div>
        <span aria-label="Connector state">
          <ConnectorStateBadge enabled={c.enabled} />
        </span>
        <span className="min-w-0 truncate font-mono text-xs text-zinc-500" title={c.sourceLabel}>
          {c.sourceLabel}
        </span>
        <div className="ml-auto flex items-center gap-1.5">
          <RunNowButton connector={c} variant="primary" />
          <Button disabled={switching} onClick={() => setEnabled(c, !c.enabled)} title={c.enabled ? 'Stop running on the schedule' : 'Slots missed while paused are not run; the schedule counts from now'}>
            {c.enabled ? 'Pause' : 'Resume'}
          </Button>
          <Button onClick={startEdit}>
            Edit <Kbd>e</Kbd>
          </Button>
          <DeleteConnectorButton connector={c} deleting={deleting} onDelete={() => deleteConnector(c, () => router.push(connectorPath(c.datasetId)))} />
        </div>
      </div>
      <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto p-3">
        <Panel title="Settings" className="shrink-0">
          <ConnectorSettings connector={c} now={now} />
        </Panel>
        <Panel title="Runs" meta={runs.data ? `${runs.data.length}${runs.data.length === 100 ? ' newest' : ''}` : undefined} className="min-h-48 flex-1">
          {runsFailure ? (
            <div className="p-3">
              <Callout title={runsFailure.title}>{runsFailure.message}</Callout>
            </div>
          ) : !runs.data ? (
            <TableSkeleton label="Loading runs" />
          ) : runs.data.length === 0 ? (
            <EmptyState title="Not run yet">
              {c.schedule && c.enabled ? 'It runs on its schedule, or now with Run now.' : 'Press Run now to fetch the source and commit its first version.'}
            </EmptyState>
          ) : (
            <RunHistoryTable runs={runs.data} datasetId={c.datasetId} timezone={c.timezone} now={now} />
          )}
        </Panel>
      </div>
      <EditConnectorPanel connector={c} open={editing} onClose={() => setEditing(false)} />
    </div>
  );
}

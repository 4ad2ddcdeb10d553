'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { EmptyState } from '@/components/ui/empty-state';
import { Icon } from '@/components/ui/icons';
import { Kbd } from '@/components/ui/kbd';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { describeError } from '@/lib/describe-error';
import { formatRelative, formatUtc } from '@/lib/format-time';
import { useHotkey } from '@/lib/use-hotkey';
import { useNow } from '@/lib/use-now';
import { useDatasetScope } from '../model/dataset-context';
import { connectorPath } from '../model/dataset-paths';
import { VersionLink } from '../model/version-link';
import { NewConnectorPanel } from './new-connector-panel';
import { RunNowButton } from './run-now-button';
import { ConnectorStateBadge, RunOutcomeBadge } from './run-outcome';
import { NextRun, ScheduleText } from './schedule-text';
import { SOURCE_KINDS } from './source-kind';
import { useDatasetConnectors } from './use-connector-queries';

/** The connectors that fill this dataset: where each reads, when it runs next, and how its last run went. New (n). */
export function ConnectorsTab() {
  const { datasetId } = useDatasetScope();
  const router = useRouter();
  const now = useNow();
  const list = useDatasetConnectors(datasetId);
  const [creating, setCreating] = useState(false);
  const startNew = useCallback(() => setCreating(true), []);
  useHotkey('n', startNew, !creating);
  const failure = list.isError ? describeError(list.error) : null;

  return (
    <div className="flex min-h-0 flex-1 flex-col p-3">
      <Panel
        title="Connectors"
        meta={list.data ? `${list.data.length}` : undefined}
        className="min-h-0 flex-1"
        actions={
          <Button size="sm" variant="primary" onClick={startNew}>
            <Icon name="plus" width={12} height={12} /> New connector <Kbd>n</Kbd>
          </Button>
        }
      >
        {failure ? (
          <div className="p-3">
            <Callout title={failure.title}>{failure.message}</Callout>
          </div>
        ) : !list.data ? (
          <TableSkeleton label="Loading connectors" />
        ) : list.data.length === 0 ? (
          <EmptyState title="No connector fills this dataset" action={<Button onClick={startNew}>New connector</Button>}>
            A connector fetches a file from an HTTP(S) URL or a Google Sheet into this dataset, on a cron schedule or when you
            run it, and commits a new version only when the data changed (ETag, Last-Modified, then a hash of the content).
          </EmptyState>
        ) : (
          <Table aria-label="Connectors">
            <THead>
              <tr>
                <TH>Name</TH>
                <TH>Source</TH>
                <TH>Branch</TH>
                <TH>Schedule</TH>
                <TH>Next run</TH>
                <TH>State</TH>
                <TH>Last run</TH>
                <TH className="w-24">
                  <span className="sr-only">Actions</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {list.data.map((c) => (
                <TR key={c.connectorId} data-connector={c.connectorId} onClick={() => router.push(connectorPath(datasetId, c.connectorId))}>
                  <TD className="max-w-56 truncate font-medium text-zinc-900" title={c.description || undefined}>
                    <Link href={connectorPath(datasetId, c.connectorId)} onClick={(e) => e.stopPropagation()} className="hover:underline">
                      {c.name}
                    </Link>
                  </TD>
                  <TD className="max-w-96 truncate text-zinc-600" title={c.sourceLabel}>
                    <span className="mr-1.5 text-2xs font-medium text-zinc-500 uppercase">{SOURCE_KINDS[c.source.kind].short}</span>
                    {c.sourceLabel}
                  </TD>
                  <TD className="font-mono text-xs">{c.branch}</TD>
                  <TD>
                    <ScheduleText connector={c} />
                  </TD>
                  <TD>
                    <NextRun connector={c} now={now} />
                  </TD>
                  <TD>
                    <ConnectorStateBadge enabled={c.enabled} />
                  </TD>
                  <TD>
                    {c.lastRun ? (
                      <span className="flex items-center gap-1.5">
                        <RunOutcomeBadge run={c.lastRun} />
                        <span className="text-xs text-zinc-500" title={formatUtc(c.lastRun.startedAt)}>
                          {formatRelative(c.lastRun.startedAt, now)}
                        </span>
                        {c.lastRun.outcome === 'committed' && c.lastRun.versionId ? (
                          <span onClick={(e) => e.stopPropagation()}>
                            <VersionLink versionId={c.lastRun.versionId} />
                          </span>
                        ) : null}
                      </span>
                    ) : (
                      <span className="text-xs text-zinc-400">never run</span>
                    )}
                  </TD>
                  <TD onClick={(e) => e.stopPropagation()}>
                    <RunNowButton connector={c} size="sm" />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Panel>
      <NewConnectorPanel open={creating} onClose={() => setCreating(false)} onCreated={(connectorId) => router.push(connectorPath(datasetId, connectorId))} />
    </div>
  );
}

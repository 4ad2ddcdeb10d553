import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatDuration, formatInZone, formatRelative, formatUtc } from '@/lib/format-time';
import { ingestPath } from '../model/dataset-paths';
import type { ConnectorRun } from '../model/dataset-types';
import { formatBytes } from '../model/format-count';
import { VersionLink } from '../model/version-link';
import { RunOutcomeBadge, UNCHANGED_BY } from './run-outcome';

/** A connector's runs, newest first: how each started, how long it took, what it found and what it committed. */
export function RunHistoryTable({ runs, datasetId, timezone, now }: { runs: readonly ConnectorRun[]; datasetId: string; timezone: string; now: Date }) {
  return (
    <Table aria-label="Runs">
      <THead>
        <tr>
          <TH>Trigger</TH>
          <TH>Scheduled for</TH>
          <TH>Started</TH>
          <TH className="text-right">Duration</TH>
          <TH>Outcome</TH>
          <TH>Unchanged by</TH>
          <TH className="text-right">Size</TH>
          <TH>Version</TH>
          <TH className="w-full">Error</TH>
        </tr>
      </THead>
      <TBody>
        {runs.map((run) => {
          const finished = run.finishedAt ?? now.toISOString();
          return (
            <TR key={run.runId} data-run={run.runId}>
              <TD>{run.trigger === 'schedule' ? <Badge tone="violet">schedule</Badge> : <Badge>manual</Badge>}</TD>
              <TD className="text-zinc-600" title={run.scheduledFor ? `${formatInZone(run.scheduledFor, timezone)} ${timezone}` : undefined}>
                {run.scheduledFor ? formatUtc(run.scheduledFor) : '—'}
              </TD>
              <TD className="text-zinc-600" title={formatUtc(run.startedAt)}>
                {formatRelative(run.startedAt, now)}
              </TD>
              <TD className="text-right">
                {formatDuration(new Date(finished).getTime() - new Date(run.startedAt).getTime())}
                {run.finishedAt ? '' : '…'}
              </TD>
              <TD>
                <RunOutcomeBadge run={run} />
              </TD>
              <TD className="text-zinc-600" title={run.unchangedBy ? UNCHANGED_BY[run.unchangedBy].sentence : undefined}>
                {run.unchangedBy ? UNCHANGED_BY[run.unchangedBy].label : '—'}
              </TD>
              <TD className="text-right">{run.sizeBytes === null ? '—' : formatBytes(run.sizeBytes)}</TD>
              <TD>
                {run.versionId ? (
                  <VersionLink versionId={run.versionId} />
                ) : run.ingestJobId ? (
                  <Link className="text-xs text-accent-700 hover:underline" href={ingestPath(datasetId, run.ingestJobId)}>
                    read report
                  </Link>
                ) : (
                  '—'
                )}
              </TD>
              <TD className="max-w-0 truncate text-red-800" title={run.error ? `${run.error.code}: ${run.error.message}` : undefined}>
                {run.error?.message ?? ''}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}

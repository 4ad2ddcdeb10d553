'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { EmptyState } from '@/components/ui/empty-state';
import { Kbd } from '@/components/ui/kbd';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { describeError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useTRPC } from '@/trpc/react';
import { useDatasetScope } from '../model/dataset-context';
import { ingestPath } from '../model/dataset-paths';
import { formatBytes, formatCount } from '../model/format-count';
import { PhaseBadge } from './phase-badge';

/** Every upload of the dataset and what became of it: waiting for review, committed, or failed with its report. */
export function UploadsTab() {
  const { datasetId, openUpload } = useDatasetScope();
  const trpc = useTRPC();
  const router = useRouter();
  const jobs = useQuery(trpc.datasets.ingest.jobs.queryOptions({ datasetId, limit: 100 }));
  const failure = jobs.isError ? describeError(jobs.error) : null;
  return (
    <div className="flex min-h-0 flex-1 flex-col p-3">
      <Panel
        title="Uploads"
        meta={jobs.data ? `${jobs.data.length}` : undefined}
        className="min-h-0 flex-1"
        actions={
          <Button size="sm" variant="primary" onClick={openUpload}>
            Upload <Kbd>u</Kbd>
          </Button>
        }
      >
        {failure ? (
          <div className="p-3">
            <Callout title={failure.title}>{failure.message}</Callout>
          </div>
        ) : !jobs.data ? (
          <TableSkeleton label="Loading uploads" />
        ) : jobs.data.length === 0 ? (
          <EmptyState title="No uploads yet" action={<Button onClick={openUpload}>Upload a file</Button>} />
        ) : (
          <Table aria-label="Uploads">
            <THead>
              <tr>
                <TH>File</TH>
                <TH>Phase</TH>
                <TH>Branch</TH>
                <TH className="text-right">Size</TH>
                <TH className="text-right">Rows read</TH>
                <TH className="text-right">Problems</TH>
                <TH>Report</TH>
                <TH>Uploaded</TH>
              </tr>
            </THead>
            <TBody>
              {jobs.data.map((job) => {
                const problems = job.error?.problems.length ?? job.readResult?.problems.length ?? 0;
                return (
                  <TR key={job.jobId} onClick={() => router.push(ingestPath(datasetId, job.jobId))}>
                    <TD className="font-medium text-zinc-900">
                      <a href={ingestPath(datasetId, job.jobId)} onClick={(e) => e.preventDefault()}>
                        {job.fileName}
                      </a>
                    </TD>
                    <TD>
                      <PhaseBadge phase={job.phase} />
                    </TD>
                    <TD className="font-mono text-xs">{job.branch}</TD>
                    <TD className="text-right">{job.sizeBytes === null ? '—' : formatBytes(job.sizeBytes)}</TD>
                    <TD className="text-right">{job.readResult ? formatCount(job.readResult.rowCount) : '—'}</TD>
                    <TD className="text-right">{problems ? <span className="text-red-700">{formatCount(problems)}</span> : '0'}</TD>
                    <TD className="max-w-96 truncate text-zinc-600" title={job.error?.message}>
                      {job.error ? job.error.message : job.phase === 'read' ? 'Schema proposed — review and commit' : job.phase === 'committed' ? 'Committed' : '—'}
                    </TD>
                    <TD className="text-zinc-600">
                      {formatUtc(job.createdAt)} · {job.createdBy}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </Panel>
    </div>
  );
}

'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Callout } from '@/components/ui/callout';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useTRPC } from '@/trpc/react';
import { LiveBadge } from '../../ontology-workbench/shell/live-badge';
import { SearchBox } from '../../ontology-workbench/shell/search-box';
import { datasetPath, withRef } from '../model/dataset-paths';
import type { ReadOptions } from '../model/dataset-types';
import { formatBytes, formatCount } from '../model/format-count';
import { PhaseBadge } from '../uploads/phase-badge';
import { CommitBar } from './commit-bar';
import { inferenceByColumn } from './inference-details';
import { LayoutPanel } from './layout-panel';
import { ProblemsTable, type Problem } from './problems-table';
import { ReadReport } from './read-report';
import { draftFrom, isOverridden, type DraftColumn } from './schema-draft';
import { SchemaEditor } from './schema-editor';
import { useCommitIngest } from './use-commit-ingest';
import { useIngestJob } from './use-ingest-job';

const WORKING = new Set(['receiving', 'received', 'reading', 'committing']);

/**
 * The review of one upload: its live phase, the detected layout (read it again with other options), the read
 * report, and the proposed schema to correct before committing. Nothing is committed until Commit.
 */
export function IngestReview({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { job: jobQuery, live } = useIngestJob(jobId);
  const job = jobQuery.data;
  const proposedKey = JSON.stringify(job?.proposedSchema ?? null);
  const proposed = useMemo(() => draftFrom(job?.proposedSchema ?? []), [proposedKey]); // eslint-disable-line react-hooks/exhaustive-deps -- by content
  const inference = useMemo(() => inferenceByColumn(job?.inference), [job?.inference]);
  const [draft, setDraft] = useState<DraftColumn[]>([]);
  const [message, setMessage] = useState('');
  const [badValues, setBadValues] = useState<'fail' | 'skip'>('fail');
  const [rereadFailure, setRereadFailure] = useState<DescribedError | null>(null);
  const [filter, setFilter] = useState('');
  // A new proposal (first load, or a read with other options) replaces the draft; a failed commit does not.
  useEffect(() => setDraft(proposed), [proposed]);
  const fileName = job?.fileName;
  useEffect(() => {
    if (fileName) setMessage(`Upload of ${fileName}`);
  }, [fileName]);

  const commit = useCommitIngest(job);
  const reread = useMutation(trpc.datasets.ingest.reread.mutationOptions());
  const onReread = useCallback(
    (options: ReadOptions) => {
      setRereadFailure(null);
      reread.mutate(
        { jobId, options },
        {
          onSuccess: (next) => queryClient.setQueryData(trpc.datasets.ingest.job.queryKey({ jobId }), next),
          onError: (error) => {
            setRereadFailure(describeError(error));
            void queryClient.invalidateQueries(trpc.datasets.ingest.job.queryFilter({ jobId }));
          },
        },
      );
    },
    [jobId, reread, queryClient, trpc],
  );
  const onCommit = useCallback(() => commit.run(draft, message, badValues), [commit, draft, message, badValues]);

  if (jobQuery.isError) {
    const failure = describeError(jobQuery.error);
    return (
      <div className="p-3">
        <Callout title={failure.title}>{failure.message}</Callout>
      </div>
    );
  }
  if (!job) return <TableSkeleton label="Loading the upload" />;

  const working = WORKING.has(job.phase) || reread.isPending || commit.pending;
  const reviewable = job.phase === 'read' && job.proposedSchema !== null;
  const schemaIssues = new Map<string, string[]>();
  for (const issue of commit.failure?.issues ?? []) {
    const path = issue.path.replace(/^schema\.?/, '');
    schemaIssues.set(path, [...(schemaIssues.get(path) ?? []), issue.message]);
  }
  const badValueProblems = (commit.failure?.domainCode === 'DATASET.BAD_VALUES' ? (commit.failure.context.problems as Problem[] | undefined) : undefined) ??
    (job.error?.code === 'DATASET.BAD_VALUES' ? job.error.problems : undefined);
  const badValueCount = (commit.failure?.context.problemCount as number | undefined) ?? badValueProblems?.length ?? 0;
  const overrides = draft.filter((c, i) => isOverridden(c, proposed[i])).length;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 bg-white px-4 py-2">
        <div className="min-w-0">
          <p className="text-2xs font-medium tracking-wide text-zinc-500 uppercase">Review upload</p>
          <h2 className="truncate text-sm font-semibold text-zinc-900">{job.fileName}</h2>
        </div>
        <span aria-label="Ingest phase">
          <PhaseBadge phase={job.phase} />
        </span>
        <span className="text-xs text-zinc-600">
          to <span className="font-mono">{job.branch}</span> · {job.sizeBytes === null ? '' : `${formatBytes(job.sizeBytes)} · `}
          {formatUtc(job.createdAt)} by {job.createdBy}
        </span>
        <span className="ml-auto">
          <LiveBadge status={live.status} />
        </span>
      </div>
      {working ? (
        <div role="progressbar" aria-label="Working" className="h-0.5 w-full overflow-hidden bg-accent-100">
          <div className="h-full w-1/3 animate-pulse bg-accent-500" />
        </div>
      ) : null}

      <div className="min-h-0 flex-1 space-y-3 overflow-auto p-3">
        {job.phase === 'failed' && job.error ? (
          <section aria-label="Read failure" className="space-y-2 rounded-md border border-red-200 bg-white p-3">
            <Callout title="The file could not be read: nothing was committed">
              <p>{job.error.message}</p>
              <p>Fix the file and upload it again, or read it again with other options (for example skip bad rows).</p>
            </Callout>
            {job.error.problems.length ? <ProblemsTable label="Read problems" problems={job.error.problems} /> : null}
          </section>
        ) : null}
        {job.phase === 'abandoned' ? <Callout tone="amber" title="This upload was cut off before the file was stored; nothing was committed.">{job.error?.message}</Callout> : null}
        {job.phase === 'committed' ? (
          <Callout tone="blue" title="Committed">
            <p>
              This upload is version <span className="font-mono">{job.versionId}</span> on {job.branch}.{' '}
              <Link className="font-medium underline" href={withRef(datasetPath(job.datasetId), job.versionId)}>
                Open it
              </Link>
            </p>
          </Callout>
        ) : null}
        {job.phase === 'reading' || job.phase === 'received' || job.phase === 'receiving' ? <TableSkeleton label="Reading the file" rows={4} /> : null}

        <div className="grid grid-cols-2 items-start gap-3">
          <LayoutPanel
            layout={job.layout}
            fileName={job.fileName}
            options={job.options}
            pending={reread.isPending}
            disabled={working || !(job.phase === 'read' || job.phase === 'failed')}
            failure={rereadFailure}
            expanded={job.phase === 'failed'}
            onReread={onReread}
          />
          {job.readResult ? <ReadReport result={job.readResult} /> : <div />}
        </div>

        {badValueProblems?.length ? (
          <section aria-label="Bad values" className="space-y-2 rounded-md border border-red-200 bg-white p-3">
            <Callout title={`${formatCount(badValueCount)} value${badValueCount === 1 ? '' : 's'} do not fit the schema: nothing was committed`}>
              <p>Change the type or format of the columns below, or commit with “skip their rows”.</p>
            </Callout>
            <ProblemsTable label="Values that do not fit" problems={badValueProblems} lineLabel="Row" total={badValueCount} />
          </section>
        ) : commit.failure && !schemaIssues.size ? (
          <Callout title={commit.failure.title}>{commit.failure.message}</Callout>
        ) : null}

        {job.proposedSchema ? (
          <Panel
            title="Proposed schema"
            meta={`${draft.length} columns${job.readResult ? ` · inferred from ${formatCount(job.readResult.rowCount)} rows` : ''}`}
            actions={<SearchBox label="Filter columns" placeholder="Filter columns" value={filter} onChange={setFilter} />}
          >
            <SchemaEditor
              columns={draft}
              proposed={proposed}
              inference={inference}
              issues={schemaIssues}
              disabled={!reviewable || working}
              filter={filter.trim()}
              onChange={(i, column) => setDraft((d) => d.map((c, j) => (j === i ? column : c)))}
            />
          </Panel>
        ) : null}
      </div>
      {reviewable ? (
        <CommitBar
          branch={job.branch}
          message={message}
          badValues={badValues}
          overrides={overrides}
          pending={commit.pending}
          disabled={working}
          onMessage={setMessage}
          onBadValues={setBadValues}
          onCommit={onCommit}
        />
      ) : null}
    </div>
  );
}

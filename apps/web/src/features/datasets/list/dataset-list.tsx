'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { EmptyState } from '@/components/ui/empty-state';
import { Icon } from '@/components/ui/icons';
import { Kbd } from '@/components/ui/kbd';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { TableSkeleton } from '@/components/ui/skeleton';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { describeError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useHotkey } from '@/lib/use-hotkey';
import { useTRPC } from '@/trpc/react';
import { SearchBox } from '../../ontology-workbench/shell/search-box';
import { datasetPath } from '../model/dataset-paths';
import { formatCount } from '../model/format-count';
import { NewDatasetPanel } from './new-dataset-panel';

/** Every dataset with the size of main's head; "New dataset" (n); `/` filters. */
export function DatasetList({ initialQuery = '' }: { initialQuery?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const list = useQuery(trpc.datasets.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState(initialQuery);
  const startNew = useCallback(() => setCreating(true), []);
  useHotkey('n', startNew, !creating);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = list.data ?? [];
    return q ? all.filter((d) => d.name.toLowerCase().includes(q) || d.datasetId.includes(q)) : all;
  }, [list.data, query]);
  const failure = list.isError ? describeError(list.error) : null;

  return (
    <>
      <PageHeader
        section="Datasets"
        title="Datasets"
        description="Uploaded tables kept as immutable versions on branches, with their schema and column profile."
        actions={
          <Button variant="primary" onClick={startNew}>
            <Icon name="plus" width={14} height={14} /> New dataset <Kbd>n</Kbd>
          </Button>
        }
      />
      <div className="flex min-h-0 flex-1 flex-col p-3">
        <Panel
          title="All datasets"
          meta={list.data ? (rows.length === list.data.length ? `${rows.length}` : `${rows.length} of ${list.data.length}`) : undefined}
          actions={<SearchBox label="Filter datasets" placeholder="Filter by name or id" value={query} onChange={setQuery} />}
          className="min-h-0 flex-1"
        >
          {failure ? (
            <div className="p-3">
              <Callout title={failure.title}>{failure.message}</Callout>
            </div>
          ) : !list.data ? (
            <TableSkeleton label="Loading datasets" />
          ) : list.data.length === 0 ? (
            <EmptyState title="No datasets yet" action={<Button onClick={startNew}>New dataset</Button>}>
              Create a dataset, then drop a CSV, Excel, JSON or Parquet file on it.
            </EmptyState>
          ) : rows.length === 0 ? (
            <EmptyState title="No dataset matches">Nothing is named like “{query}”.</EmptyState>
          ) : (
            <Table aria-label="Datasets">
              <THead>
                <tr>
                  <TH>Name</TH>
                  <TH>Id</TH>
                  <TH className="text-right">Versions</TH>
                  <TH className="text-right">Branches</TH>
                  <TH className="text-right">Rows (main)</TH>
                  <TH className="text-right">Columns</TH>
                  <TH>Committed</TH>
                </tr>
              </THead>
              <TBody>
                {rows.map((d) => (
                  <TR key={d.datasetId} onClick={() => router.push(datasetPath(d.datasetId))}>
                    <TD className="font-medium text-zinc-900">
                      <a href={datasetPath(d.datasetId)} onClick={(e) => e.preventDefault()}>
                        {d.name}
                      </a>
                    </TD>
                    <TD className="font-mono text-xs">{d.datasetId}</TD>
                    <TD className="text-right">{d.versions}</TD>
                    <TD className="text-right">{d.branches}</TD>
                    <TD className="text-right">{d.head ? formatCount(d.head.rowCount) : '—'}</TD>
                    <TD className="text-right">{d.head ? d.head.columns : '—'}</TD>
                    <TD className="text-zinc-600">{d.head ? `${formatUtc(d.head.committedAt)} · ${d.head.author}` : <span className="text-zinc-400">no version yet</span>}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Panel>
      </div>
      <NewDatasetPanel open={creating} onClose={() => setCreating(false)} onCreated={(id) => router.push(datasetPath(id))} />
    </>
  );
}

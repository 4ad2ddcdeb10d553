'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Kbd } from '@/components/ui/kbd';
import { TableSkeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/describe-error';
import { formatUtc } from '@/lib/format-time';
import { useTRPC } from '@/trpc/react';
import { LiveBadge } from '../../ontology-workbench/shell/live-badge';
import { DatasetScopeProvider, type DatasetScope } from '../model/dataset-context';
import { datasetPath, MAIN_BRANCH, withRef } from '../model/dataset-paths';
import { formatCount } from '../model/format-count';
import { ordinals, resolveRef, shortId } from '../model/resolve-ref';
import { useDatasetRef } from '../model/use-dataset-ref';
import { useLiveDataset } from '../model/use-live-dataset';
import { UploadPanel } from '../upload/upload-panel';
import { DatasetTabNav } from './dataset-tab-nav';
import { DATASET_TABS } from './dataset-tabs';
import { RefSwitcher } from './ref-switcher';
import { useDatasetKeys } from './use-dataset-keys';

const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

/**
 * One dataset's workbench: name, branch and version, live status, Upload (u, or drop a file anywhere on the
 * page), and the tabs (g p, g f, g h, g b, g u, g c) around the tab's page.
 */
export function DatasetWorkspace({ datasetId, children }: { datasetId: string; children: ReactNode }) {
  const trpc = useTRPC();
  const ref = useDatasetRef();
  const live = useLiveDataset(datasetId);
  const view = useQuery(trpc.datasets.get.queryOptions({ datasetId }));
  const [uploading, setUploading] = useState(false);
  const [droppedFile, setDroppedFile] = useState<File | null>(null);
  const openUpload = useCallback(() => setUploading(true), []);
  const chords = useMemo(() => Object.fromEntries(DATASET_TABS.map((t) => [t.chord, withRef(datasetPath(datasetId, t.path), ref)])), [datasetId, ref]);
  useDatasetKeys(chords, openUpload, view.isSuccess && !uploading);

  const scope = useMemo<DatasetScope | null>(() => {
    if (!view.data) return null;
    return { datasetId, ref, view: view.data, ...resolveRef(view.data, ref), ordinal: ordinals(view.data), openUpload };
  }, [datasetId, ref, view.data, openUpload]);

  const failure = view.isError ? describeError(view.error) : null;
  const uploadBranch = scope?.branch?.name ?? MAIN_BRANCH;

  return (
    <div
      className="flex min-h-0 flex-1 flex-col"
      onDragOver={(e) => {
        if (scope && hasFiles(e)) e.preventDefault();
      }}
      onDrop={(e) => {
        if (!scope || !hasFiles(e) || uploading) return;
        e.preventDefault();
        const file = e.dataTransfer.files[0];
        if (file) {
          setDroppedFile(file);
          setUploading(true);
        }
      }}
    >
      <div className="flex items-center gap-4 border-b border-zinc-200 bg-white px-4 py-2">
        <div className="min-w-0">
          <p className="text-2xs font-medium tracking-wide text-zinc-500 uppercase">
            <Link href="/datasets" className="hover:underline">
              Datasets
            </Link>{' '}
            / <span className="font-mono normal-case">{datasetId}</span>
          </p>
          <h1 className="truncate text-base font-semibold text-zinc-900">{view.data?.name ?? datasetId}</h1>
          {scope?.version ? (
            <p className="truncate text-2xs text-zinc-500" aria-label="Current version">
              v{scope.ordinal(scope.version.versionId)} <span title={scope.version.versionId} className="font-mono">{shortId(scope.version.versionId)}</span> ·{' '}
              {formatCount(scope.version.rowCount)} rows × {scope.version.schema.length} columns · {formatUtc(scope.version.committedAt)} by {scope.version.author}
              {scope.pinned ? ' · pinned version' : ''}
            </p>
          ) : scope ? (
            <p className="text-2xs text-zinc-500">No version on this branch yet</p>
          ) : null}
        </div>
        {scope ? (
          <div className="ml-auto flex items-center gap-3">
            <LiveBadge status={live.status} />
            {scope.pinned ? (
              <span className="whitespace-nowrap">
                <Badge tone="violet">pinned version</Badge>
              </span>
            ) : null}
            <RefSwitcher view={scope.view} branch={scope.branch} version={scope.version} pinned={scope.pinned} />
            <Button variant="primary" onClick={openUpload}>
              Upload <Kbd>u</Kbd>
            </Button>
          </div>
        ) : null}
      </div>
      <DatasetTabNav datasetId={datasetId} datasetRef={ref} />
      {failure ? (
        <div className="p-3">
          <Callout title={failure.domainCode === 'DATASET.NOT_FOUND' ? 'No such dataset' : failure.title}>{failure.message}</Callout>
        </div>
      ) : !scope ? (
        <TableSkeleton label="Loading dataset" />
      ) : (
        <DatasetScopeProvider scope={scope}>
          {children}
          <UploadPanel
            open={uploading}
            onClose={() => {
              setUploading(false);
              setDroppedFile(null);
            }}
            view={scope.view}
            branch={uploadBranch}
            initialFile={droppedFile}
          />
        </DatasetScopeProvider>
      )}
    </div>
  );
}

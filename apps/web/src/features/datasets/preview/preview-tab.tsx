'use client';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Kbd } from '@/components/ui/kbd';
import { useDatasetScope } from '../model/dataset-context';
import { PreviewGrid } from './preview-grid';

/** The rows of the version the workspace shows; an empty branch invites the first upload. */
export function PreviewTab() {
  const { datasetId, version, branch, openUpload } = useDatasetScope();
  if (!version) {
    return (
      <div className="m-3 rounded-md border border-zinc-200 bg-white">
        <EmptyState
          title={branch ? `Branch ${branch.name} has no version yet` : 'No such branch or version'}
          action={
            <Button variant="primary" onClick={openUpload}>
              Upload a file <Kbd>u</Kbd>
            </Button>
          }
        >
          Drop a CSV, Excel, JSON or Parquet file anywhere on this page. You review the proposed schema before anything is committed.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="flex min-h-0 flex-1 flex-col p-3">
      <section aria-label="Preview" className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-md border border-zinc-200">
        {/* Keyed by version: a new version starts at the top with its own sort. */}
        <PreviewGrid key={version.versionId} datasetId={datasetId} versionId={version.versionId} rowCount={version.rowCount} schema={version.schema} />
      </section>
    </div>
  );
}

import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { TableSkeleton } from '@/components/ui/skeleton';
import { DatasetWorkspace } from '@/features/datasets/shell/dataset-workspace';

export default async function DatasetLayout({ children, params }: { children: ReactNode; params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await params;
  return (
    <Suspense fallback={<TableSkeleton label="Loading dataset" />}>
      <DatasetWorkspace datasetId={datasetId}>{children}</DatasetWorkspace>
    </Suspense>
  );
}

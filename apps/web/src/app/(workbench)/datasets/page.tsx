import type { Metadata } from 'next';
import { DatasetList } from '@/features/datasets/list/dataset-list';

export const metadata: Metadata = { title: 'Datasets' };

export default async function DatasetsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  return <DatasetList initialQuery={q ?? ''} />;
}

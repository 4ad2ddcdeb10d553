import type { Metadata } from 'next';
import { DiffView } from '@/features/datasets/diff/diff-view';

export const metadata: Metadata = { title: 'Dataset diff' };

export default function DatasetDiffPage() {
  return <DiffView />;
}

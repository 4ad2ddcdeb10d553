import type { Metadata } from 'next';
import { BranchesTab } from '@/features/datasets/branches/branches-tab';

export const metadata: Metadata = { title: 'Dataset branches' };

export default function DatasetBranchesPage() {
  return <BranchesTab />;
}

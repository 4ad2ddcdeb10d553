import type { Metadata } from 'next';
import { HistoryTab } from '@/features/datasets/history/history-tab';

export const metadata: Metadata = { title: 'Dataset history' };

export default function DatasetHistoryPage() {
  return <HistoryTab />;
}

import type { Metadata } from 'next';
import { UploadsTab } from '@/features/datasets/uploads/uploads-tab';

export const metadata: Metadata = { title: 'Dataset uploads' };

export default function DatasetUploadsPage() {
  return <UploadsTab />;
}

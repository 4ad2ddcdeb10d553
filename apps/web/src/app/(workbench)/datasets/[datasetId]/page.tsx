import type { Metadata } from 'next';
import { PreviewTab } from '@/features/datasets/preview/preview-tab';

export const metadata: Metadata = { title: 'Dataset preview' };

export default function DatasetPreviewPage() {
  return <PreviewTab />;
}

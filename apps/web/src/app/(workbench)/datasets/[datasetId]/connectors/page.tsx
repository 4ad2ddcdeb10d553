import type { Metadata } from 'next';
import { ConnectorsTab } from '@/features/datasets/connectors/connectors-tab';

export const metadata: Metadata = { title: 'Dataset connectors' };

export default function DatasetConnectorsPage() {
  return <ConnectorsTab />;
}

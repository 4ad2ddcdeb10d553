import type { Metadata } from 'next';
import { ConnectorDetail } from '@/features/datasets/connectors/connector-detail';

export const metadata: Metadata = { title: 'Connector' };

export default async function ConnectorPage({ params }: { params: Promise<{ connectorId: string }> }) {
  const { connectorId } = await params;
  return <ConnectorDetail connectorId={connectorId} />;
}

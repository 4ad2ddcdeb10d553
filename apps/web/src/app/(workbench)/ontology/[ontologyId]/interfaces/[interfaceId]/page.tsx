import type { Metadata } from 'next';
import { InterfacePage } from '@/features/ontology-workbench/interfaces/interface-page';

export const metadata: Metadata = { title: 'Interface' };

export default async function Page({ params }: { params: Promise<{ ontologyId: string; interfaceId: string }> }) {
  const { ontologyId, interfaceId } = await params;
  return <InterfacePage ontologyId={ontologyId} interfaceId={interfaceId} />;
}

import type { Metadata } from 'next';
import { InterfacesTab } from '@/features/ontology-workbench/interfaces/interfaces-tab';

export const metadata: Metadata = { title: 'Interfaces' };

export default async function Page({ params }: { params: Promise<{ ontologyId: string }> }) {
  const { ontologyId } = await params;
  return <InterfacesTab ontologyId={ontologyId} />;
}

import type { Metadata } from 'next';
import { GraphTab } from '@/features/ontology-workbench/graph/graph-tab';

export const metadata: Metadata = { title: 'Ontology graph' };

export default async function Page({ params }: { params: Promise<{ ontologyId: string }> }) {
  const { ontologyId } = await params;
  return <GraphTab ontologyId={ontologyId} />;
}

import type { Metadata } from 'next';
import { ObjectTypesTab } from '@/features/ontology-workbench/object-types/object-types-tab';

export const metadata: Metadata = { title: 'Object types' };

export default async function ObjectTypesPage({ params }: { params: Promise<{ ontologyId: string }> }) {
  const { ontologyId } = await params;
  return <ObjectTypesTab ontologyId={ontologyId} />;
}

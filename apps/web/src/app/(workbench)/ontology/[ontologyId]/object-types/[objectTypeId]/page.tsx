import type { Metadata } from 'next';
import { ObjectTypePage } from '@/features/ontology-workbench/object-type/object-type-page';

export const metadata: Metadata = { title: 'Object type' };

export default async function Page({ params }: { params: Promise<{ ontologyId: string; objectTypeId: string }> }) {
  const { ontologyId, objectTypeId } = await params;
  return <ObjectTypePage ontologyId={ontologyId} objectTypeId={objectTypeId} />;
}

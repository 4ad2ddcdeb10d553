import type { Metadata } from 'next';
import { SharedTypesTab } from '@/features/ontology-workbench/shared-types/shared-types-tab';

export const metadata: Metadata = { title: 'Shared properties' };

export default async function Page({ params }: { params: Promise<{ ontologyId: string }> }) {
  const { ontologyId } = await params;
  return <SharedTypesTab ontologyId={ontologyId} kind="sharedPropertyType" />;
}

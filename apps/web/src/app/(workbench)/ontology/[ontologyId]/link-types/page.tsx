import type { Metadata } from 'next';
import { LinkTypesTab } from '@/features/ontology-workbench/link-types/link-types-tab';

export const metadata: Metadata = { title: 'Link types' };

export default async function Page({ params }: { params: Promise<{ ontologyId: string }> }) {
  const { ontologyId } = await params;
  return <LinkTypesTab ontologyId={ontologyId} />;
}

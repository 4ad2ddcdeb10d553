import type { Metadata } from 'next';
import { LinkTypePage } from '@/features/ontology-workbench/link-types/link-type-page';

export const metadata: Metadata = { title: 'Link type' };

export default async function Page({ params }: { params: Promise<{ ontologyId: string; linkTypeId: string }> }) {
  const { ontologyId, linkTypeId } = await params;
  return <LinkTypePage ontologyId={ontologyId} linkTypeId={linkTypeId} />;
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { OntologyList } from '@/features/ontology-workbench/ontologies/ontology-list';
import { CURRENT_ONTOLOGY_ID } from '@/lib/workspace';

export const metadata: Metadata = { title: 'Ontologies' };

/** The ontology list. A search from the top bar (`?q=`) goes to the current workspace's object types. */
export default async function OntologyPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  if (q) redirect(`/ontology/${CURRENT_ONTOLOGY_ID}?q=${encodeURIComponent(q)}`);
  return <OntologyList />;
}

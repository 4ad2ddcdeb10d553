import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DEMO_ONTOLOGY_ID } from '@spice/domain';
import { OntologyList } from '@/features/ontology-workbench/ontologies/ontology-list';
import { lastOpenedOntology } from '@/lib/workspace';

export const metadata: Metadata = { title: 'Ontologies' };

/** The ontology list. A search from the top bar (`?q=`) goes to the object types of the ontology opened last. */
export default async function OntologyPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  if (q) redirect(`/ontology/${(await lastOpenedOntology()) ?? DEMO_ONTOLOGY_ID}?q=${encodeURIComponent(q)}`);
  return <OntologyList />;
}

import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { TableSkeleton } from '@/components/ui/skeleton';
import { OntologyWorkspace } from '@/features/ontology-workbench/shell/ontology-workspace';

export default async function OntologyLayout({ children, params }: { children: ReactNode; params: Promise<{ ontologyId: string }> }) {
  const { ontologyId } = await params;
  return (
    <Suspense fallback={<TableSkeleton label="Loading ontology" />}>
      <OntologyWorkspace ontologyId={ontologyId}>{children}</OntologyWorkspace>
    </Suspense>
  );
}
